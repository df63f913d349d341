/**
 * The embed's poster as a drawing of its scene: the map of its moment as vector groups (map.ts) for a box
 * of the map's size, at the camera the live map will open with (given: scene/camera.ts openingCamera through the
 * app), else framed as an export frames it (the story's frame, the areas, the aircraft and its ring).
 * A light stand-in until the map is made (src/embed/lazy-map.ts). Pure.
 */
import type { FeatureCollection } from 'geojson';
import type { Scene } from '../../scene/scene';
import type { StoryLayers } from '../../scene/layers';
import type { Palette } from '../../theme/symbology';
import { fitBounds, type Camera } from '../core/camera';
import { EDGE_INSET, exportFrame } from '../core/frame';
import type { Measure } from '../core/layout';
import { mapGroups } from './map';
import type { VGroup } from './model';

export interface PosterInput {
  basemap: FeatureCollection;
  layers: Pick<StoryLayers, 'frame' | 'areas'>;
  scene: Scene;
  palette: Palette;
  /** The map's box, CSS pixels. */
  width: number;
  height: number;
  measure: Measure;
  /** Room around the frame, CSS pixels, when no camera is given. */
  padding?: number;
  /** The camera to draw with (the live map's opening camera for this moment and size). */
  camera?: Camera;
}

export function posterGroups(o: PosterInput): { camera: Camera; groups: VGroup[] } {
  const pad = o.padding ?? 40;
  const camera = o.camera ?? fitBounds(exportFrame(o.layers, o.scene.moment), o.width, o.height, { top: pad, right: pad, bottom: pad, left: pad });
  const rect = { x: 0, y: 0, w: o.width, h: o.height };
  return {
    camera,
    groups: mapGroups({ basemap: o.basemap, scene: o.scene, palette: o.palette, camera, ratio: 1, rect, keepInside: EDGE_INSET, measure: o.measure }),
  };
}
