/**
 * The embed's poster, drawn from its scene (issue 16): a light inline SVG of the map at the embed's own
 * moment, at the camera its live map will open with, in place of the route picture (src/embed/lazy-map.ts setPoster). Resolves once the basemap has
 * arrived (the map fetches the same file later, from the cache); until then the route picture stands.
 */
import type { FeatureCollection } from 'geojson';
import type { StoryData } from '../../story/validate';
import type { TrackModel } from '../../track/interpolate';
import type { Chapter } from '../../story/schema';
import { buildLayers } from '../../scene/layers';
import { buildScene } from '../../scene/scene';
import { type Cover, mapControls, PHONE_LAYOUT } from '../../scene/camera';
import { paletteFor } from '../../theme/symbology';
import type { FontWeight } from '../core/layout';
import { posterGroups } from './poster';
import { svgElement } from './svg-dom';
import { boxesIn } from '../../ui/dom';
import type { Camera } from '../../geo/fit';

export interface PosterApp {
  story: StoryData;
  track: TrackModel;
  getMoment(): { chapter: Chapter; t: number };
  /** The camera the live map would open with now at this size, clear of what will cover it (scene/camera.ts openingCamera). */
  openingCamera(width: number, height: number, covers: readonly Cover[]): Camera;
}

/** A poster source for lazy-map's setPoster: each call draws the app's moment now, at the box's size. */
export async function scenePoster(app: PosterApp, base: string): Promise<(box: { width: number; height: number }) => HTMLElement | null> {
  const res = await fetch(new URL('basemap/basemap.json', base).href);
  if (!res.ok) throw new Error(`basemap: ${res.status}`);
  const basemap = (await res.json()) as FeatureCollection;
  const layers = buildLayers(app.story, app.track);
  // The names are measured to be placed as the live map places them: in the page's Noto Sans, once it has the
  // names' letters (the subsets their scripts need), not in a fallback font of other widths.
  const m0 = app.getMoment();
  const letters = [
    ...new Set(
      buildScene({ layers, track: app.track }, { kind: 'moment', chapter: m0.chapter, t: m0.t }).names.flatMap((n) => [
        ...`${n.text}${n.short ?? ''}${n.bare ?? ''}`,
      ]),
    ),
  ].join('');
  await Promise.all([400, 600].map((w) => document.fonts?.load(`${w} 12px 'Noto Sans'`, letters).catch(() => []))).catch(() => []);
  const ctx = document.createElement('canvas').getContext('2d')!;
  const measure = (text: string, weight: FontWeight, size: number) => {
    ctx.font = `${weight} ${size}px 'Noto Sans', sans-serif`;
    return ctx.measureText(text).width;
  };
  return ({ width, height }) => {
    if (width < 10 || height < 10) return null;
    const m = app.getMoment();
    const scene = buildScene({ layers, track: app.track }, { kind: 'moment', chapter: m.chapter, t: m.t });
    const palette = paletteFor(document.documentElement.classList.contains('dark') ? 'dark' : 'light');
    // What will cover the map: its controls' boxes as the page's layout will place them (not made yet), and what the
    // page has already put over the map's box (the legend, its width in the page's language). The live map frames its
    // opening view clear of them (story-map.ts view()) and keeps its names off them (labels.ts): the poster does both
    // with the same boxes, so the view and the names do not move when the map replaces it.
    const wrap = document.getElementById('map-wrap');
    const over = wrap ? boxesIn(wrap, wrap.querySelectorAll('[data-map-obstacle]:not(#follow-story)')) : [];
    const covers = [...mapControls(width, height, window.matchMedia(PHONE_LAYOUT).matches), ...over];
    const camera = app.openingCamera(width, height, covers);
    const { groups } = posterGroups({ basemap, layers, scene, palette, width, height, measure, camera, covers });
    const box = document.createElement('div');
    box.className = 'scene-poster';
    box.dataset.camera = JSON.stringify(camera); // for tests
    box.style.cssText = 'width:100%;height:100%;';
    box.append(svgElement(width, height, groups));
    return box;
  };
}
