/** The KML download parses back: as XML (xmldom, errors are failures) and with a KML parser (@tmcw/togeojson). */
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson, kmlWithFolders } from '@tmcw/togeojson';
import { buildTrack } from '../track/interpolate';
import { LIGHT } from '../theme/palette';
import { balloonHtml, kmlColor, kmlStyles, KML_NS, storyKml } from './kml';
import { downloadFeatures, LAYERS } from './geojson';
import { meta, story } from './fixture';

const track = buildTrack(story.track.features);
const text = storyKml(story, track, meta);

function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(errors.join('\n'));
  return doc as unknown as Document;
}
const doc = parseXml(text);
const all = (tag: string, root: Document | Element = doc) => Array.from(root.getElementsByTagName(tag));
const child = (el: Element, tag: string) => Array.from(el.childNodes).find((n) => (n as Element).tagName === tag) as Element | undefined;
const textOf = (el: Element | undefined) => el?.textContent ?? '';

describe('storyKml', () => {
  it('is well-formed KML 2.2 (the XML parser refuses a broken file)', () => {
    expect(doc.documentElement.tagName).toBe('kml');
    expect(doc.documentElement.namespaceURI).toBe(KML_NS);
    expect(() => parseXml(text.replace('</Document>', ''))).toThrow();
  });

  it('has a Folder per layer, then the aircraft and the events', () => {
    const folders = all('Folder').map((f) => textOf(child(f, 'name')));
    expect(folders).toEqual([...LAYERS.map((l) => l.name), 'Aircraft, estimated position (plays with the time slider)', 'Events, each at its time']);
  });

  it('has a Placemark for every drawn feature, the aircraft and every event, each in its folder', () => {
    const features = downloadFeatures(story);
    expect(all('Placemark')).toHaveLength(features.length + 1 + story.events.length);
    for (const layer of LAYERS) {
      const folder = all('Folder').find((f) => f.getAttribute('id') === `folder-${layer.key}`)!;
      expect(all('Placemark', folder).map((p) => p.getAttribute('id'))).toEqual(
        features.filter((f) => f.properties.layer === layer.key).map((f) => f.properties.id),
      );
    }
  });

  it('reads back with a KML parser: geometry types, names, and every feature’s sources', () => {
    const fc = kmlToGeoJson(doc);
    const byId = new Map(fc.features.map((f) => [String(f.properties?.id ?? ''), f]));
    for (const f of downloadFeatures(story)) {
      const k = byId.get(f.properties.id)!;
      expect(k, f.properties.id).toBeDefined();
      expect(k.geometry?.type).toBe(f.geometry.type);
      expect(k.properties!.name).toBe(f.properties.name);
      expect(k.properties!.status).toBe(f.properties.status);
      expect(k.properties!.sourcesText).toBe(f.properties.sourcesText);
      for (const s of f.properties.sources) expect(String(k.properties!.description)).toContain(s.url);
    }
    const polys = fc.features.filter((f) => f.geometry?.type === 'Polygon');
    expect(polys.length).toBe(story.strike.features.filter((f) => f.properties.kind === 'area').length);
    const tree = kmlWithFolders(doc);
    expect(tree.children.length).toBeGreaterThan(0);
  });

  it('times what is timed: legs from their start, claims from first publication, events at their time', () => {
    const fc = kmlToGeoJson(doc);
    const byId = new Map(fc.features.map((f) => [String(f.properties?.id ?? ''), f.properties!]));
    for (const leg of story.track.features) expect(byId.get(leg.properties.id)!.timespan).toMatchObject({ begin: leg.properties.start.time });
    for (const f of story.strike.features)
      if (f.properties.kind === 'claim') expect(byId.get(f.properties.id)!.timespan).toMatchObject({ begin: f.properties.firstReported });
    const events = fc.features.filter((f) => String(f.properties?.id ?? '').length && f.properties!.chapter);
    expect(events).toHaveLength(story.events.length);
    story.events.forEach((e) => {
      const k = byId.get(e.id)!;
      expect(k.timestamp).toBe(e.precision === 'day' ? e.time.slice(0, 10) : e.time);
    });
    expect(all('TimeStamp')).toHaveLength(story.events.length);
  });

  it('says where an event in an area is: its pin is the area’s centre, and the area’s radius is in its data and balloon', () => {
    const byId = new Map(kmlToGeoJson(doc).features.map((f) => [String(f.properties?.id ?? ''), f]));
    const impact = byId.get('first-impact')!;
    const area = story.strike.features.map((f) => f.properties).find((p) => p.id === 'strike-area-official');
    if (area?.kind !== 'area') throw new Error('geo/strike-area.geojson has no official area');
    expect(impact.geometry).toEqual({ type: 'Point', coordinates: [...area.center] });
    expect(impact.properties!.placeRadiusKm).toBe(String(area.radiusKm));
    expect(String(impact.properties!.description)).toContain(`Where: somewhere within ${area.radiusKm} km of this pin (${area.name.replace(/"/g, '&quot;')})`);
    const crash = byId.get('crash')!;
    expect(crash.properties!.placeRadiusKm).toBeUndefined();
    expect(String(crash.properties!.description)).not.toContain('Where:');
  });

  it('plays the aircraft as a gx:Track: a time for every position, in order, from take-off to the crash', () => {
    const fc = kmlToGeoJson(doc);
    const air = fc.features.find((f) => f.properties?.name === 'Aircraft, estimated position')!;
    expect(air.geometry?.type).toBe('LineString');
    const times = (air.properties!.coordinateProperties as { times: string[] }).times;
    const coords = (air.geometry as { coordinates: number[][] }).coordinates;
    expect(times).toHaveLength(coords.length);
    expect(Date.parse(times[0]!)).toBe(track.start);
    expect(Date.parse(times.at(-1)!)).toBe(track.end);
    for (let i = 1; i < times.length; i++) expect(Date.parse(times[i]!)).toBeGreaterThanOrEqual(Date.parse(times[i - 1]!));
    const crash = story.places.features.find((f) => f.properties.id === 'crash-site')!.geometry.coordinates;
    expect(coords.at(-1)!.slice(0, 2)).toEqual([crash[0], crash[1]]);
  });

  it('styles come from the palette, as KML aabbggrr', () => {
    expect(kmlColor('#c45500')).toBe('ff0055c4');
    expect(kmlColor('#CC79A7', 0.28)).toBe('47a779cc');
    const styles = new Map(all('Style').map((s) => [s.getAttribute('id'), s]));
    expect(textOf(all('color', styles.get('style-approximate'))[0])).toBe(kmlColor(LIGHT.track));
    expect(textOf(all('color', styles.get('style-planned'))[0])).toBe(kmlColor(LIGHT.planned));
    expect(textOf(all('color', styles.get('style-claim'))[0])).toBe(kmlColor(LIGHT.claim));
    for (const id of Object.keys(kmlStyles())) expect(styles.has(`style-${id}`)).toBe(true);
    for (const u of all('styleUrl')) expect(styles.has(textOf(u).slice(1))).toBe(true);
  });

  it('a balloon is HTML with the data’s text escaped', () => {
    const html = balloonHtml('claim', ['<script>alert(1)</script> & more'], [{ id: 'S1', outlet: 'A "B"', title: '<i>', url: 'https://x.example/?a=1&b=2' }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('href="https://x.example/?a=1&amp;b=2"');
  });
});
