import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory, type StoryData } from '../story/validate';
import { worldPx, type LngLat } from '../geo/mercator';
import type { Padding } from '../geo/bounds';
import { fitBounds } from '../geo/fit';
import { framePadding, frameCamera, framesFor, minGapPx, openingCamera, storyFrames, type Camera } from './camera';

const r = validateStory(Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])));
if (!r.ok) throw new Error(r.errors.join('\n'));
const story: StoryData = r.story;
const frames = storyFrames(story);
const pt = (id: string): LngLat => {
  const f = [...story.places.features, ...story.strike.features].find((x) => x.properties.id === id)!;
  return f.geometry.coordinates as unknown as LngLat;
};
/** Where a place falls on a w × h map with this camera, in CSS px. */
const on = (cam: Camera, w: number, h: number, ll: LngLat) => {
  const [cx, cy] = worldPx(cam.center, cam.zoom),
    [x, y] = worldPx(ll, cam.zoom);
  return { x: w / 2 + x - cx, y: h / 2 + y - cy };
};
const apart = (cam: Camera, w: number, h: number, a: LngLat, b: LngLat) => {
  const p = on(cam, w, h, a),
    q = on(cam, w, h, b);
  return Math.hypot(p.x - q.x, p.y - q.y);
};
const inside = (p: { x: number; y: number }, w: number, h: number, pad: Padding) =>
  p.x >= pad.left && p.x <= w - pad.right && p.y >= pad.top && p.y <= h - pad.bottom;

// The map at 1440 × 900 (1056 × 594, the legend open on the right) and on a 360 px phone.
const DESKTOP = { w: 1056, h: 594, pad: { top: 50, right: 330, bottom: 80, left: 60 } };
const PHONE = { w: 360, h: 330, pad: { top: 30, right: 40, bottom: 50, left: 30 } };
const CLAIMS = ['claim-vchk-18km', 'claim-russian-media-15km', 'claim-paladichuk'];

describe('story camera', () => {
  it('gives every event a frame', () => {
    for (const e of story.events) expect(frames.get(story.frames.events[e.id]!), e.id).toBeDefined();
  });

  it.each([
    ['1440 × 900', DESKTOP, 60],
    ['360 px', PHONE, 30],
  ] as const)('at the impacts (%s) keeps the claimed points at least %i px apart, all in view', (_n, v, gap) => {
    const cam = frameCamera(framesFor(story, frames, ['first-impact'])!, v.w, v.h, v.pad);
    for (let i = 0; i < CLAIMS.length; i++)
      for (let j = i + 1; j < CLAIMS.length; j++) expect(apart(cam, v.w, v.h, pt(CLAIMS[i]!), pt(CLAIMS[j]!))).toBeGreaterThanOrEqual(gap);
    for (const c of CLAIMS) expect(inside(on(cam, v.w, v.h, pt(c)), v.w, v.h, v.pad), c).toBe(true);
  });

  it('at the crash keeps the crash site and the airport apart, both in view', () => {
    for (const v of [DESKTOP, PHONE]) {
      const cam = frameCamera(framesFor(story, frames, ['crash'])!, v.w, v.h, v.pad);
      expect(apart(cam, v.w, v.h, pt('crash-site'), pt('sco'))).toBeGreaterThan(60);
      for (const id of ['crash-site', 'sco']) expect(inside(on(cam, v.w, v.h, pt(id)), v.w, v.h, v.pad)).toBe(true);
    }
  });

  it('over the sea frames the whole crossing', () => {
    const f = framesFor(story, frames, ['divert-aktau'])!;
    const cam = frameCamera(f, DESKTOP.w, DESKTOP.h, DESKTOP.pad);
    const [w, s, e, n] = f.bbox;
    for (const c of [
      [w, s],
      [e, n],
    ] as LngLat[])
      expect(inside(on(cam, DESKTOP.w, DESKTOP.h, c), DESKTOP.w, DESKTOP.h, { top: 49, right: 329, bottom: 79, left: 59 })).toBe(true);
  });

  it('a date of the year after frames everything said on it', () => {
    const f = framesFor(story, frames, ['karabayev-casualties', 'kovalenko-sam-claim'])!;
    const [w, s, e, n] = f.bbox;
    expect(w).toBeLessThanOrEqual(pt('claim-vchk-18km')[0]);
    expect(e).toBeGreaterThanOrEqual(pt('sco')[0]);
    expect(s).toBeLessThanOrEqual(pt('grv')[1]);
    expect(n).toBeGreaterThanOrEqual(pt('crash-site')[1]);
    expect(framesFor(story, frames, [])).toBeUndefined();
  });

  it('minGapPx: 30 on a phone, 60 from 1000 px', () => {
    expect(minGapPx(320)).toBe(30);
    expect(minGapPx(360)).toBe(30);
    expect(minGapPx(1000)).toBe(60);
    expect(minGapPx(1920)).toBe(60);
  });

  it('openingCamera: the moment’s frame, or else the whole opening frame as it is (the live map and the embed’s poster both open with it)', () => {
    const pad = framePadding(1000);
    const f = framesFor(story, frames, ['first-impact'])!;
    const whole: [number, number, number, number] = [46, 40, 52, 44];
    expect(openingCamera(f, whole, 1000, 560, pad)).toEqual(frameCamera(f, 1000, 560, pad));
    expect(openingCamera(undefined, whole, 1000, 560, pad)).toEqual(fitBounds(whole, 1000, 560, pad, 12));
  });

  it('framePadding: more room on a wide map, never less than on a phone', () => {
    expect(framePadding(1000)).toEqual({ top: 50, bottom: 80, left: 60, right: 100 });
    expect(framePadding(360)).toEqual({ top: 32, bottom: 68, left: 36, right: 88 });
    expect(framePadding(0)).toEqual(framePadding(800));
  });
});
