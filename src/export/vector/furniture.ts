/**
 * Everything around and over the map of an exported picture (the rules, the title and the moment, the
 * legend, the scale bars, the note and the credits) as vector groups, from the pure layout (layout.ts):
 * the same composition the PNG draws on its canvas (src/ui/export-compose.ts). Pure.
 */
import type { ExportLayout, FontWeight, Measure, TextBlock } from '../core/layout';
import type { ScaleBar } from '../core/scale';
import type { ExportTheme } from '../core/theme';
import { textRuns } from '../core/text';
import type { LegendEntry, SwatchShape } from '../../ui/legend-data';
import { group, layerLabel, num, type VGroup, type VNode } from './model';

/** The arrow the fonts lack is one em wide (as the PNG draws it). */
export const ARROW_EM = 1;

/** A right arrow one em wide on the line's math axis, as a stroked path standing for "→". */
export function arrowNode(x: number, baseline: number, size: number, weight: FontWeight, colour: string): VNode {
  const y = baseline - size * 0.3;
  const x0 = x + size * 0.12,
    x1 = x + size * (ARROW_EM - 0.12);
  const n = (v: number) => num(v, 2);
  return {
    kind: 'path',
    d: `M${n(x0)} ${n(y)}L${n(x1)} ${n(y)}M${n(x1 - size * 0.26)} ${n(y - size * 0.22)}L${n(x1)} ${n(y)}L${n(x1 - size * 0.26)} ${n(y + size * 0.22)}`,
    stroke: colour,
    strokeWidth: size * (weight >= 700 ? 0.085 : weight >= 600 ? 0.075 : 0.062),
    cap: 'round',
    join: 'round',
    actualText: '→',
  };
}

/** A text block's lines as text (and arrows), each run placed at the width measured before it. */
export function textNodes(t: TextBlock, colour: string, measure: Measure, align: 'left' | 'right' = 'left'): VNode[] {
  const out: VNode[] = [];
  t.lines.forEach((line, i) => {
    const y = t.y + i * t.lineHeight;
    let x = align === 'right' ? t.x - measure(line, t.weight, t.size) : t.x;
    for (const r of textRuns(line)) {
      if (r.kind === 'arrow') {
        out.push(arrowNode(x, y, t.size, t.weight, colour));
        x += ARROW_EM * t.size;
      } else {
        if (r.text.trim()) {
          // Leading spaces move the text, they are not drawn (a viewer may collapse them).
          const lead = r.text.length - r.text.trimStart().length;
          const dx = lead ? measure(r.text.slice(0, lead), t.weight, t.size) : 0;
          out.push({ kind: 'text', x: x + dx, y, text: r.text.trim(), size: t.size, weight: t.weight, fill: colour });
        }
        x += measure(r.text, t.weight, t.size);
      }
    }
  });
  return out;
}

const colourOf = (t: TextBlock, theme: ExportTheme) => (t.colour === 'muted' ? theme.muted : theme.text);

/** A box over the map (legend, scale bars): the panel colour, nearly opaque, with a hairline. */
function panel(r: { x: number; y: number; w: number; h: number }, u: number, theme: ExportTheme): VNode[] {
  const lw = Math.max(1, u);
  return [
    { kind: 'rect', x: r.x, y: r.y, w: r.w, h: r.h, r: 6 * u, fill: theme.panel, fillOpacity: theme.panelAlpha },
    { kind: 'rect', x: r.x + lw / 2, y: r.y + lw / 2, w: r.w - lw, h: r.h - lw, r: 6 * u, stroke: theme.rule, strokeWidth: lw },
  ];
}

function swatchNode(s: SwatchShape): VNode {
  switch (s.type) {
    case 'line':
      return {
        kind: 'path',
        d: `M${num(s.x1, 2)} ${num(s.y1, 2)}L${num(s.x2, 2)} ${num(s.y2, 2)}`,
        stroke: s.stroke,
        strokeWidth: s.width,
        strokeOpacity: s.opacity ?? 1,
        cap: s.cap,
        ...(s.dash ? { dash: s.dash } : {}),
      };
    case 'circle':
      return {
        kind: 'circle',
        cx: s.cx,
        cy: s.cy,
        r: s.r,
        ...(s.fill ? { fill: s.fill, fillOpacity: s.fillOpacity ?? 1 } : {}),
        ...(s.stroke ? { stroke: s.stroke, strokeWidth: s.strokeWidth ?? 1, strokeOpacity: s.strokeOpacity ?? 1 } : {}),
        ...(s.dash ? { dash: s.dash } : {}),
      };
    case 'path':
      return {
        kind: 'path',
        d: s.d,
        ...(s.fill ? { fill: s.fill } : {}),
        ...(s.stroke ? { stroke: s.stroke, strokeWidth: s.strokeWidth ?? 1, cap: s.cap ?? 'butt', join: 'round' as const } : {}),
      };
  }
}

export interface FurnitureInput {
  layout: ExportLayout;
  theme: ExportTheme;
  legend: readonly LegendEntry[];
  bars: { metric: ScaleBar; nautical: ScaleBar };
  measure: Measure;
}

/** The groups drawn over and around the map, in drawing order: rules, header, legend, scale bars, footer. */
export function furnitureGroups({ layout, theme, legend, bars, measure }: FurnitureInput): VGroup[] {
  const u = layout.unit;
  const hair = Math.max(1, Math.round(u));
  const rules: VNode[] = [
    { kind: 'rect', x: 0, y: layout.map.y, w: layout.width, h: hair, fill: theme.rule },
    { kind: 'rect', x: 0, y: layout.map.y + layout.map.h - hair, w: layout.width, h: hair, fill: theme.rule },
  ];
  if (layout.legend?.placement === 'below')
    rules.push({ kind: 'rect', x: layout.note.x, y: layout.footer.y, w: layout.width - 2 * layout.note.x, h: hair, fill: theme.rule });
  const header = group('title', layerLabel('title'), [
    // A short accent over the title, as the app's kicker.
    { kind: 'rect', x: layout.title.x, y: Math.round(8 * u), w: Math.round(48 * u), h: Math.round(4 * u), fill: theme.accent },
    ...textNodes(layout.title, colourOf(layout.title, theme), measure),
    ...textNodes(layout.subtitle, colourOf(layout.subtitle, theme), measure),
  ]);
  const out: VGroup[] = [group('rules', layerLabel('rules'), rules), header];

  const L = layout.legend;
  if (L) {
    const children: VNode[] = L.placement === 'overlay' ? panel(L.box, u, theme) : [];
    children.push(...textNodes(L.title, colourOf(L.title, theme), measure));
    for (const item of L.items) {
      const entry = legend.find((e) => e.key === item.key);
      if (!entry) continue;
      children.push(
        group(`legend-${item.key}`, entry.label, entry.shapes.map(swatchNode), {
          transform: { x: item.swatch.x, y: item.swatch.y, sx: item.swatch.w / entry.w, sy: item.swatch.h / entry.h },
        }),
        ...textNodes(item.label, colourOf(item.label, theme), measure),
      );
    }
    out.push(group('legend', layerLabel('legend'), children));
  }

  const S = layout.scale;
  const scale: VNode[] = panel(S.box, u, theme);
  const labelX = S.barX + S.maxBar + S.gap;
  const tick = 5 * u;
  for (const [i, bar] of [bars.metric, bars.nautical].entries()) {
    const y = S.rows[i]!;
    const x1 = S.barX + bar.px;
    const n = (v: number) => num(v, 2);
    scale.push({
      kind: 'path',
      d: `M${n(S.barX)} ${n(y - tick)}L${n(S.barX)} ${n(y + tick)}M${n(S.barX)} ${n(y)}L${n(x1)} ${n(y)}M${n(x1)} ${n(y - tick)}L${n(x1)} ${n(y + tick)}`,
      stroke: theme.text,
      strokeWidth: Math.max(1, 1.5 * u),
      cap: 'butt',
    });
    scale.push(
      ...textNodes(
        { lines: [bar.label], x: labelX, y: y + S.fontSize * 0.357, size: S.fontSize, lineHeight: S.fontSize, weight: 600, colour: 'text' },
        theme.text,
        measure,
      ),
    );
  }
  out.push(group('scale-bars', layerLabel('scale-bars'), scale));
  out.push(
    group('credits', layerLabel('credits'), [
      ...textNodes(layout.note, colourOf(layout.note, theme), measure),
      ...textNodes(layout.credit, colourOf(layout.credit, theme), measure),
    ]),
  );
  return out;
}
