/**
 * The insets of an exported SVG or PDF, from the same layout as the PNG's (src/export/core/inset.ts): each a
 * group holding its frame, its map (mapGroups at the inset's camera, clipped to its box) and its marks (the
 * locator's box of the main map, the detail's scale bar). Pure.
 */
import { insetScaleBox, landOf, locatorNames, type InsetView } from '../core/inset';
import { NAMES } from '../../theme/symbology';
import type { ExportTheme } from '../core/theme';
import { mapGroups, type VectorMapInput } from './map';
import { group, layerLabel, num, type VGroup, type VNode } from './model';
import { msg } from '../../i18n';

/** The groups of the main map a locator keeps: the basemap (its seas' names are drawn over its marks, as the PNG's). */
const LOCATOR_GROUPS = ['basemap', 'borders'];

export type InsetInputBase = Omit<VectorMapInput, 'camera' | 'rect' | 'keepInside'>;

/** A group tree with every id prefixed (ids stay unique in the file). */
function prefixed(n: VNode, p: string): VNode {
  return n.kind === 'group' ? { ...n, id: `${p}-${n.id}`, children: n.children.map((c) => prefixed(c, p)) } : n;
}

export function insetGroups(views: readonly InsetView[], base: InsetInputBase, theme: ExportTheme): VGroup[] {
  const { ratio } = base;
  const land = landOf(base.basemap); // a sea's name keeps its middle on water
  return views.map((v) => {
    const id = `inset-${v.kind}` as const;
    const frame: VNode = { kind: 'rect', x: v.box.x, y: v.box.y, w: v.box.w, h: v.box.h, fill: theme.text };
    // The locator names the seas only, after the box of the main map's extent and clear of its lines (locatorNames).
    const scene = v.kind === 'locator' ? { ...base.scene, names: [] } : base.scene;
    // The detail names its claims the name alone first, clear of its scale bar (as the PNG's).
    const bar = v.scale ? insetScaleBox(v, base.measure(v.scale.label, 600, v.scale.fontSize)) : null;
    const detail =
      v.kind === 'detail' ? { claimNames: 'name' as const, covers: bar ? [{ x: v.map.x + bar.x, y: v.map.y + bar.y, w: bar.width, h: bar.height }] : [] } : {};
    let groups = mapGroups({ ...base, scene, camera: v.camera, rect: v.map, keepInside: v.keepInside, ...detail });
    if (v.kind === 'locator') groups = groups.filter((g) => LOCATOR_GROUPS.includes(g.id));
    const marks: VNode[] = [];
    if (v.extent) {
      const d = `M${v.extent
        .slice(0, -1)
        .map(([x, y]) => `${num(x)} ${num(y)}`)
        .join('L')}Z`;
      marks.push(
        { kind: 'path', d, stroke: theme.background, strokeWidth: 3.5 * ratio, join: 'miter' },
        { kind: 'path', d, stroke: theme.accent, strokeWidth: 1.75 * ratio, join: 'miter' },
      );
    }
    const sea = NAMES.sea;
    for (const n of locatorNames(v, base.scene.names, ratio, base.measure, land))
      marks.push({
        kind: 'text',
        x: n.x,
        y: n.baseline,
        text: n.text,
        size: n.size,
        weight: sea.weight,
        fill: base.palette[sea.colour],
        ...(n.letterSpacing ? { letterSpacing: n.letterSpacing } : {}),
        halo: { colour: base.palette[sea.halo], width: sea.haloWidth * ratio },
      });
    if (v.scale) {
      const S = v.scale;
      const tick = 4 * ratio;
      const d = `M${num(S.x)} ${num(S.y - tick)}L${num(S.x)} ${num(S.y)}L${num(S.x + S.px)} ${num(S.y)}L${num(S.x + S.px)} ${num(S.y - tick)}`;
      marks.push(
        { kind: 'path', d, stroke: theme.background, strokeWidth: 3.5 * ratio, cap: 'butt' },
        { kind: 'path', d, stroke: theme.text, strokeWidth: 1.25 * ratio, cap: 'butt' },
        {
          kind: 'text',
          x: S.x + S.px + S.gap,
          y: S.y + S.fontSize * 0.357,
          text: S.label,
          size: S.fontSize,
          weight: 600,
          fill: theme.text,
          halo: { colour: theme.background, width: 1.5 * ratio },
        },
      );
    }
    const label = layerLabel(id);
    return group(id, label, [frame, ...groups.map((g) => prefixed(g, id)), group(`${id}-marks`, msg('layer.marks', { layer: label }), marks, { clip: v.map })]);
  });
}
