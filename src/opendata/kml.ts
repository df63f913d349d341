/**
 * The story as KML 2.2 (opens in Google Earth, QGIS, ArcGIS): a Folder per layer, styles in the map's
 * palette, a TimeStamp or TimeSpan on everything that is timed, so that Google Earth's time slider plays
 * the flight (the legs as they are flown, the aircraft's estimated position as a gx:Track, each event at its
 * time, each claimed point from the day it was published). Written with xmlbuilder2. Pure: no DOM, no fs.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Geometry, Position } from 'geojson';
import type { StoryData } from '../story/validate';
import { outletName } from '../story/outlet';
import type { TrackModel } from '../track/interpolate';
import { LIGHT, type Palette } from '../theme/palette';
import { SYMBOLOGY as S } from '../theme/symbology';
import { CERTAINTY_LABEL, STATUS_LABEL } from '../i18n/words';
import { msg } from '../i18n';
import { downloadFeatures, LAYERS, sourceLookup, sourcesText, type DatasetMeta, type DownloadFeature, type FullSource } from './geojson';
import { placePoints } from './csv';
import { clock, day } from '../time/format';
import { officialAreaId } from '../story/content';

export const KML_FILE = 'j2-8243.kml';
export const KML_NS = 'http://www.opengis.net/kml/2.2';
export const GX_NS = 'http://www.google.com/kml/ext/2.2';

/** `#rrggbb` and an opacity → KML's `aabbggrr`. */
export function kmlColor(hex: string, opacity = 1): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`kmlColor: not a #rrggbb colour: ${hex}`);
  const a = Math.round(Math.max(0, Math.min(1, opacity)) * 255)
    .toString(16)
    .padStart(2, '0');
  return (a + m[3] + m[2] + m[1]).toLowerCase();
}

interface KmlStyle {
  line?: { color: string; width: number };
  poly?: { color: string; fill: boolean };
  icon?: { color: string; scale: number };
}

/**
 * The styles, from the map's palette (KML has no dashes: reconstructed lines are drawn thinner and
 * lighter than approximate ones, as the legend explains in words).
 */
export function kmlStyles(c: Palette = LIGHT): Record<string, KmlStyle> {
  return {
    airport: { icon: { color: kmlColor(c.airport), scale: 0.8 } },
    crash: { icon: { color: kmlColor(c.crash), scale: 1.1 } },
    planned: { line: { color: kmlColor(c[S.planned.colour]), width: S.planned.width } },
    approximate: { line: { color: kmlColor(c[S.flown.approximate.colour]), width: S.flown.approximate.width } },
    known: { line: { color: kmlColor(c[S.flown.approximate.colour]), width: S.flown.approximate.width } },
    // No dashes in KML: thinner (the planned route's width) and lighter than an approximate line.
    reconstructed: { line: { color: kmlColor(c[S.flown.reconstructed.colour], 0.6), width: S.planned.width } },
    area: {
      line: { color: kmlColor(c[S.strikeArea.line.colour]), width: S.strikeArea.line.width },
      poly: { color: kmlColor(c[S.strikeArea.fill.colour], S.strikeArea.fill.opacity), fill: true },
    },
    'area-outer': {
      line: { color: kmlColor(c[S.officialArea.colour], S.officialArea.opacity), width: S.officialArea.width },
      poly: { color: kmlColor(c[S.strikeArea.fill.colour], 0), fill: false },
    },
    claim: { icon: { color: kmlColor(c[S.claim.fill]), scale: 0.9 } },
    aircraft: { line: { color: kmlColor(c[S.ring.colour]), width: 2 }, icon: { color: kmlColor(c.aircraft), scale: 1 } },
    event: { icon: { color: kmlColor(c.text), scale: 0.7 } },
  };
}

function styleOf(f: DownloadFeature, officialArea: string): string {
  const p = f.properties;
  switch (p.layer) {
    case 'places':
      return p.kind === 'crash-site' ? 'crash' : 'airport';
    case 'planned-route':
      return 'planned';
    case 'strike-areas':
      // The official "near Grozny" envelope is an outline only, as on the map.
      return p.id === officialArea ? 'area-outer' : 'area';
    case 'strike-claims':
      return 'claim';
    case 'track':
      return String(p.certainty);
  }
}

const coords = (ps: readonly Position[]) => ps.map((p) => p.join(',')).join(' ');

function geometry(pm: XMLBuilder, g: Geometry): void {
  if (g.type === 'Point')
    pm.ele('Point')
      .ele('coordinates')
      .txt(coords([g.coordinates]));
  else if (g.type === 'LineString') {
    const l = pm.ele('LineString');
    l.ele('tessellate').txt('1');
    l.ele('coordinates').txt(coords(g.coordinates));
  } else if (g.type === 'Polygon') {
    const poly = pm.ele('Polygon');
    poly.ele('tessellate').txt('1');
    g.coordinates.forEach((ring, i) =>
      poly
        .ele(i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs')
        .ele('LinearRing')
        .ele('coordinates')
        .txt(coords(ring)),
    );
  } else throw new Error(`KML: unsupported geometry ${g.type}`);
}

function data(pm: XMLBuilder, fields: Record<string, unknown>): void {
  const ext = pm.ele('ExtendedData');
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    ext
      .ele('Data', { name })
      .ele('value')
      .txt(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The balloon's text: Google Earth reads a description as HTML, so it is written as HTML with every piece
 * of text from the data escaped (and the whole escaped again as XML text by the builder).
 */
export function balloonHtml(status: string, parts: (string | undefined)[], sources: readonly FullSource[]): string {
  const label = STATUS_LABEL[status as keyof typeof STATUS_LABEL] ?? status;
  return (
    `<p><b>${esc(msg('kml.status'))}</b> ${esc(label)}</p>` +
    parts
      .filter((x): x is string => !!x)
      .map((x) => `<p>${esc(x)}</p>`)
      .join('') +
    `<p><b>${esc(msg('kml.sources'))}</b></p><ul>${sources.map((s) => `<li>${s.url ? `<a href="${esc(s.url)}">${esc(outletName(s))}</a>` : esc(outletName(s))}: ${esc(s.title)}${s.url ? '' : ` (${esc(s.note ?? msg('kml.noUrl'))})`}</li>`).join('')}</ul>`
  );
}

function featurePlacemark(folder: XMLBuilder, f: DownloadFeature, officialArea: string): void {
  const p = f.properties;
  const pm = folder.ele('Placemark', { id: p.id });
  pm.ele('name').txt(p.name);
  const what =
    p.layer === 'track'
      ? msg('kml.leg', {
          certainty: CERTAINTY_LABEL[p.certainty as keyof typeof CERTAINTY_LABEL] ?? String(p.certainty),
          from: String(p.startTime),
          fromKm: String(p.startUncertaintyKm),
          to: String(p.endTime),
          toKm: String(p.endUncertaintyKm),
        })
      : p.layer === 'strike-claims'
        ? msg('kml.claimedBy', { who: String(p.claimedBy), date: String(p.firstReported) })
        : p.layer === 'strike-areas'
          ? msg('kml.radius', { km: String(p.radiusKm) })
          : undefined;
  pm.ele('description').txt(
    balloonHtml(p.status, [what, p.role as string | undefined, p.basis as string | undefined, p.note as string | undefined], p.sources),
  );
  // A leg appears when the aircraft starts it and stays, as the flown path does on the map (its end time is in its data).
  if (p.layer === 'track') pm.ele('TimeSpan').ele('begin').txt(String(p.startTime));
  else if (p.layer === 'strike-claims') pm.ele('TimeSpan').ele('begin').txt(String(p.firstReported));
  pm.ele('styleUrl').txt(`#style-${styleOf(f, officialArea)}`);
  const { sources: _sources, ...fields } = p;
  data(pm, fields);
  geometry(pm, f.geometry);
}

/** The aircraft's estimated position through the flight (constant ground speed inside each leg), as a gx:Track. */
function aircraftTrack(folder: XMLBuilder, track: TrackModel): void {
  const pm = folder.ele('Placemark', { id: 'aircraft-estimated' });
  pm.ele('name').txt(msg('kml.aircraft'));
  pm.ele('description').txt(`<p><b>${esc(msg('kml.status'))}</b> ${esc(STATUS_LABEL.derived)}</p><p>${esc(msg('kml.aircraftWhat'))}</p>`);
  pm.ele('styleUrl').txt('#style-aircraft');
  const gx = pm.ele(GX_NS, 'gx:Track');
  gx.ele('altitudeMode').txt('clampToGround');
  const points: [number, [number, number]][] = [];
  for (const e of track.edges) {
    if (!points.length) points.push([e.t0, e.from]);
    points.push([e.t1, e.to]);
  }
  for (const [t] of points) gx.ele('when').txt(new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
  for (const [, c] of points) gx.ele(GX_NS, 'gx:coord').txt(`${c[0]} ${c[1]} 0`);
}

/** Each event as a Placemark at its time (a day for the aftermath), at its place where it has one. */
function eventPlacemarks(folder: XMLBuilder, story: StoryData): void {
  const full = sourceLookup(story.sources);
  const points = placePoints(story);
  const names = new Map([...story.places.features, ...story.strike.features].map((f) => [f.properties.id, f.properties.name]));
  for (const e of story.events) {
    const pm = folder.ele('Placemark', { id: `event-${e.id}` });
    pm.ele('name').txt(e.title);
    const srcs = full(e.sources);
    const src = sourcesText(srcs);
    const at = e.place ? points.get(e.place) : undefined;
    // An event in an area (the impacts "near Grozny"): its pin is the area's centre, which the balloon says.
    const where = at?.radiusKm !== undefined ? msg('kml.inArea', { km: String(at.radiusKm), area: names.get(e.place!) ?? e.place! }) : undefined;
    pm.ele('description').txt(balloonHtml(e.status, [e.text, where], srcs));
    pm.ele('TimeStamp')
      .ele('when')
      .txt(e.precision === 'day' ? e.time.slice(0, 10) : e.time);
    pm.ele('styleUrl').txt('#style-event');
    data(pm, {
      id: e.id,
      chapter: e.chapter,
      time: e.time,
      precision: e.precision,
      status: e.status,
      place: e.place,
      placeRadiusKm: at?.radiusKm,
      sourcesText: src,
    });
    if (at) pm.ele('Point').ele('coordinates').txt(at.at.join(','));
  }
}

export function storyKml(story: StoryData, track: TrackModel, meta: DatasetMeta, palette: Palette = LIGHT): string {
  const kml = create({ version: '1.0', encoding: 'UTF-8' }).ele(KML_NS, 'kml').att('http://www.w3.org/2000/xmlns/', 'xmlns:gx', GX_NS);
  const doc = kml.ele('Document', { id: 'j2-8243' });
  doc.ele('name').txt(meta.title);
  doc.ele('open').txt('1');
  doc
    .ele('description')
    .txt(
      `<p>${esc(msg('kml.version', { publisher: meta.publisher, version: meta.version, date: meta.updated }))} <a href="${esc(meta.url)}">${esc(meta.url)}</a></p><p>` +
        `${esc(msg('kml.what'))} ` +
        `${esc(msg('kml.play', { day: day(track.start), from: clock(track.start, 'UTC', false), to: clock(track.end, 'UTC', false) }))}</p>`,
    );
  for (const [id, s] of Object.entries(kmlStyles(palette))) {
    const st = doc.ele('Style', { id: `style-${id}` });
    if (s.icon) {
      const icon = st.ele('IconStyle');
      icon.ele('color').txt(s.icon.color);
      icon.ele('scale').txt(String(s.icon.scale));
    }
    if (s.line) {
      const line = st.ele('LineStyle');
      line.ele('color').txt(s.line.color);
      line.ele('width').txt(String(s.line.width));
    }
    if (s.poly) {
      const poly = st.ele('PolyStyle');
      poly.ele('color').txt(s.poly.color);
      poly.ele('fill').txt(s.poly.fill ? '1' : '0');
    }
  }
  const features = downloadFeatures(story);
  for (const layer of LAYERS) {
    const folder = doc.ele('Folder', { id: `folder-${layer.key}` });
    folder.ele('name').txt(msg(`kml.folder.${layer.key}`));
    for (const f of features) if (f.properties.layer === layer.key) featurePlacemark(folder, f, officialAreaId(story));
  }
  const air = doc.ele('Folder', { id: 'folder-aircraft' });
  air.ele('name').txt(msg('kml.folder.aircraft'));
  aircraftTrack(air, track);
  const ev = doc.ele('Folder', { id: 'folder-events' });
  ev.ele('name').txt(msg('kml.folder.events'));
  eventPlacemarks(ev, story);
  return kml.end({ prettyPrint: true }) + '\n';
}
