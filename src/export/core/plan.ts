/**
 * What an exported picture shows, worked out once for every renderer (png/run.ts, vector/run.ts): the moment,
 * the legend's entries, the layout, the story's layers, the main map's camera, the insets, the scene and the
 * scale bars. The PNG, the SVG and the PDF of one request are the same picture because they start from the
 * same plan; they differ only in how they draw it. (pure: the text is measured by the caller's `measure`)
 */
import type { StoryData } from '../../story/validate';
import type { TrackModel } from '../../track/interpolate';
import { buildLayers, type StoryLayers } from '../../scene/layers';
import { mapMomentAt, sceneOf, wholeRoute, type MapMoment, type Scene } from '../../scene/scene';
import { storyFrames, type ViewFrame } from '../../scene/camera';
import { inLegend, legendEntries, type LegendEntry } from '../../ui/legend-data';
import { storyClock } from '../../story/content';
import { metresPerPixel } from '../../geo/mercator';
import { msg } from '../../i18n';
import { fitBounds, type Camera } from './camera';
import { exportFrame } from './frame';
import { layoutExport, mapRoomError, type ExportLayout, type Measure } from './layout';
import { insetSlots, insetViews, type InsetSlots, type InsetView } from './inset';
import { exportMoment } from './moment';
import { scaleBars } from './scale';
import { creditLine, exportTitle, momentLine, eventAt, reconstructedNote } from './text';
import { themeFor, type ExportTheme } from './theme';
import { ExportError } from './errors';
import type { ResolvedExport } from './request';

/**
 * The main map's camera and the insets of a laid-out picture: the story's frame for the moment, fitted in the
 * map's room clear of the insets' column; the locator and the strike area's detail (`strike`: its frame, from
 * geo/frames.json) in their slots. Without `inset` (or without room), no insets and the whole map's room.
 */
export function mapViews(
  layout: ExportLayout,
  inset: boolean,
  layers: StoryLayers,
  moment: MapMoment,
  strike: ViewFrame | undefined,
): { slots: InsetSlots; camera: Camera; insets: InsetView[] } {
  const slots = insetSlots(layout, inset);
  const u = layout.unit;
  const p = slots.mapPadding;
  const camera = fitBounds(exportFrame(layers, moment), layout.map.w / u, layout.map.h / u, {
    top: p.top / u,
    right: p.right / u,
    bottom: p.bottom / u,
    left: p.left / u,
  });
  const insets = strike ? insetViews({ slots: slots.slots, main: camera, mapRect: layout.map, ratio: u, strike }) : [];
  return { slots, camera, insets };
}

export interface ExportPlan {
  theme: ExportTheme;
  /** The map's moment (at the crash the aircraft is left out: the ✕ marks where it came down; core/moment.ts). */
  moment: MapMoment;
  /** The picture's second line: the moment, or the route's dates. */
  subtitle: string;
  /** The legend's entries for this moment (what the picture does not draw is not explained). */
  legend: LegendEntry[];
  layout: ExportLayout;
  layers: StoryLayers;
  slots: InsetSlots;
  camera: Camera;
  insets: InsetView[];
  scene: Scene;
  /** The scale bars for the map's centre. */
  bars: ReturnType<typeof scaleBars>;
}

/** The plan of a resolved request. Throws an ExportError when the picture leaves the map no room. */
export function planExport(app: { story: StoryData; track: TrackModel }, req: ResolvedExport, measure: Measure): ExportPlan {
  const { ratio } = req.size;
  const theme = themeFor(req.dark);
  // The aircraft and "not yet flown" only mean something at a moment of the flight.
  const inFlight = req.moment.kind === 'moment' && req.moment.chapter === 'flight';
  const moment = exportMoment(req.moment.kind === 'route' ? wholeRoute(app.track) : mapMomentAt(app.track, req.moment.chapter, req.moment.t), app.track);
  const legend = legendEntries(theme.palette, storyClock(app.story)).filter((e) => inLegend(e.key, inFlight, moment, app.track.edges.length));
  const subtitle = momentLine(req.moment, app.track, eventAt(req.moment, app.story.events));
  const layout = layoutExport({
    width: req.size.outWidth,
    height: req.size.outHeight,
    unit: ratio,
    title: exportTitle(),
    subtitle,
    note: reconstructedNote(app.track),
    credit: creditLine(),
    legend: req.legend ? { title: msg('legend.title'), items: legend.map((e) => ({ key: e.key, label: e.label, w: e.w, h: e.h })) } : null,
    measure,
  });
  const room = mapRoomError(layout);
  if (room) throw new ExportError(null, room);
  const layers = buildLayers(app.story, app.track);
  const { slots, camera, insets } = mapViews(layout, req.inset, layers, moment, storyFrames(app.story).get('strike-area'));
  const scene = sceneOf({ layers, track: app.track }, moment);
  // Metres per output pixel at the map's centre.
  const bars = scaleBars(metresPerPixel(camera.center[1], camera.zoom) / ratio, layout.scale.maxBar);
  return { theme, moment, subtitle, legend, layout, layers, slots, camera, insets, scene, bars };
}
