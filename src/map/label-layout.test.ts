import { describe, expect, it } from 'vitest';
import { AIRCRAFT_ICON } from '../theme/symbology';
import {
  type Box,
  boxAt,
  byZoom,
  iconBox,
  layoutLabels,
  linesMeetBox,
  type Mark,
  needsRelayout,
  paddingClearOf,
  placeLabels,
  placingOrder,
  radialShift,
  segmentMeetsBox,
  type LabelInput,
  PLACE_EDGE,
} from './label-layout';

const label = (o: Partial<LabelInput> & { id: string }): LabelInput => ({ x: 100, y: 100, width: 80, height: 16, anchors: ['center'], priority: 0, ...o });

describe('label boxes', () => {
  it('puts the named side of the box on the point', () => {
    const l = label({ id: 'a' });
    expect(boxAt(l, 'center')).toEqual({ x: 60, y: 92, width: 80, height: 16 });
    expect(boxAt(l, 'left')).toEqual({ x: 100, y: 92, width: 80, height: 16 });
    expect(boxAt(l, 'right')).toEqual({ x: 20, y: 92, width: 80, height: 16 });
    expect(boxAt(l, 'top')).toEqual({ x: 60, y: 100, width: 80, height: 16 });
    expect(boxAt(l, 'bottom-right')).toEqual({ x: 20, y: 84, width: 80, height: 16 });
  });
  it('moves it away from the point by the radial offset, corners diagonally (as MapLibre)', () => {
    expect(radialShift('left', 10)).toEqual([10, 0]);
    expect(radialShift('top', 10)).toEqual([0, 10]);
    const [dx, dy] = radialShift('bottom-right', 10);
    expect(dx).toBeCloseTo(-7.071, 3);
    expect(dy).toBeCloseTo(-7.071, 3);
    expect(boxAt(label({ id: 'a', radial: 10 }), 'left').x).toBe(110);
  });
  it('pulls labels above and below back by the baseline correction, as MapLibre (7/24 em)', () => {
    expect(radialShift('top', 10, 3)).toEqual([0, 7]);
    expect(radialShift('bottom', 10, 3)).toEqual([0, -7]);
    expect(radialShift('left', 10, 3)).toEqual([10, 0]);
    const [, y] = radialShift('top-left', 10, 3);
    expect(y).toBeCloseTo(10 / Math.SQRT2 - 3, 6);
  });
  it('uses a fixed offset instead when one is given', () => {
    expect(boxAt(label({ id: 'a', offset: [9, 0], radial: 50 }), 'left')).toEqual({ x: 109, y: 92, width: 80, height: 16 });
  });
});

describe('placing labels', () => {
  const view = { width: 400, height: 300 };
  it('tries a shorter form at every anchor before leaving a label out, and says which form it placed', () => {
    const high = label({ id: 'high', priority: 5, x: 100, y: 100, width: 80, height: 16 });
    // The full label (two lines, 32 px tall) would reach the high one's box at both anchors; its one line clears it.
    const claim = label({ id: 'claim', priority: 1, x: 100, y: 124, width: 80, height: 32, anchors: ['left', 'right'], variants: [{ width: 60, height: 16 }] });
    const out = placeLabels([high, claim], view);
    expect(out.map((p) => [p.id, p.variant])).toEqual([
      ['high', 0],
      ['claim', 1],
    ]);
    expect(out[1]!.anchor).toBe('left');
    // With room, the full form is kept.
    expect(placeLabels([claim], view)[0]!.variant).toBe(0);
    // A short form that does not fit either: left out.
    const tight = { ...claim, variants: [{ width: 60, height: 30 }] };
    expect(placeLabels([high, tight], view).map((p) => p.id)).toEqual(['high']);
  });
  it('tries its last anchors (below or above, to the side) only where no form fits at its anchors', () => {
    const high = label({ id: 'high', priority: 5, x: 100, y: 100, width: 80, height: 16 });
    const corners = ['top-left', 'bottom-left'] as const;
    // Neither form fits beside the point (the high label is just above): below it, to its right, in full.
    const tight = label({ id: 'claim', priority: 1, x: 100, y: 124, width: 80, height: 32, anchors: ['left', 'right'], variants: [{ width: 60, height: 30 }] });
    const below = placeLabels([high, { ...tight, lastAnchors: corners }], view).find((p) => p.id === 'claim');
    expect(below).toMatchObject({ anchor: 'top-left', variant: 0, x: 100, y: 124 });
    // Where its short form fits beside the point, that is kept: the last anchors wait for every form to fail.
    const roomy = { ...tight, variants: [{ width: 60, height: 16 }], lastAnchors: corners };
    expect(placeLabels([high, roomy], view).find((p) => p.id === 'claim')).toMatchObject({ anchor: 'left', variant: 1 });
    // No room at the last anchors either: left out.
    const wall = label({ id: 'wall', priority: 9, x: 140, y: 150, width: 80, height: 40 });
    expect(placeLabels([high, wall, { ...tight, lastAnchors: corners }], view).map((p) => p.id)).not.toContain('claim');
  });
  it('places the higher priority first and leaves out a label that would overlap it', () => {
    const out = placeLabels([label({ id: 'low', priority: 1 }), label({ id: 'high', priority: 5, x: 110 })], view);
    expect(out.map((p) => p.id)).toEqual(['high']);
  });
  it('tries the next anchor when the first collides', () => {
    const airport = label({ id: 'airport', priority: 5, anchors: ['left', 'right'], radial: 8 });
    const blocker = label({ id: 'blocker', priority: 9, x: 150 }); // covers the space right of the airport
    const out = placeLabels([airport, blocker], view);
    expect(out.find((p) => p.id === 'airport')!.anchor).toBe('right');
  });
  it('never lets the edge of the view cut a label: tries the other side, else leaves it out', () => {
    const near = label({ id: 'near', x: 380, anchors: ['left', 'right'], radial: 5 }); // no room on the right
    const out = placeLabels([near, label({ id: 'cut', x: 10 }), label({ id: 'far', x: -300 })], view);
    expect(out).toEqual([{ id: 'near', x: 295, y: 92, anchor: 'right', variant: 0 }]);
  });
  it('keeps labels out from under what covers the map (controls, legend): the next anchor, else none', () => {
    const place = label({ id: 'place', anchors: ['left', 'right'], radial: 5 });
    const scale = { x: 100, y: 80, width: 120, height: 40 }; // right of the point
    expect(placeLabels([place], view, [scale])[0]!.anchor).toBe('right');
    expect(placeLabels([place], view, [scale, { x: 0, y: 80, width: 100, height: 40 }])).toEqual([]);
  });
  it('places labels that do not touch side by side, and keeps 2 px around each (MapLibre text-padding)', () => {
    expect(placeLabels([label({ id: 'a' }), label({ id: 'b', y: 200 })], view)).toHaveLength(2);
    expect(placeLabels([label({ id: 'a' }), label({ id: 'b', y: 119 })], view)).toHaveLength(1); // 3 px apart
    expect(placeLabels([label({ id: 'a' }), label({ id: 'b', y: 121 })], view)).toHaveLength(2); // 5 px apart
  });
});

// A country's name at its candidate points (scene/basemap-names.ts): one group, tried in order (issue 12: Georgia
// went unnamed in the 1600 × 900 export at the divert, its one point under the legend, its land in view beside it).
describe('a name at its candidate points (a group)', () => {
  const view = { width: 400, height: 300 };
  const at = (id: string, x: number, y: number, o: Partial<LabelInput> = {}) => label({ id, x, y, priority: 1, group: 'country:GEORGIA', ...o });
  const georgia = [at('g0', 60, 150), at('g1', 250, 150), at('g2', 250, 250)];
  const legend = { x: 0, y: 50, width: 150, height: 200 }; // over the first point
  it('uses the first point where its name fits, and only it', () => {
    expect(placeLabels(georgia, view).map((p) => p.id)).toEqual(['g0']);
  });
  it('where the first point is covered, the second is used', () => {
    expect(placeLabels(georgia, view, [legend]).map((p) => p.id)).toEqual(['g1']);
    // Covered by its box only (the point itself clear): the same.
    expect(placeLabels(georgia, view, [{ x: 0, y: 50, width: 25, height: 200 }]).map((p) => p.id)).toEqual(['g1']);
  });
  it('where the first is out of view, or its name would be cut by the edge, the next that fits', () => {
    const off = [at('g0', -100, 150), at('g1', 395, 150), at('g2', 250, 250)];
    expect(placeLabels(off, view).map((p) => p.id)).toEqual(['g2']);
  });
  it('where no point fits, the country is unnamed', () => {
    const all = [legend, { x: 150, y: 100, width: 250, height: 200 }];
    expect(placeLabels(georgia, view, all)).toEqual([]);
  });
  it('a higher-priority name taken first turns it to its next point; a lower one gives way to it', () => {
    const sea = label({ id: 'sea', x: 60, y: 150, priority: 2 });
    expect(placeLabels([...georgia, sea], view).map((p) => p.id)).toEqual(['sea', 'g1']);
    const republic = label({ id: 'republic', x: 250, y: 150, priority: 0.5 });
    // The group is tried as one, at the place of its first: g1 before the republic that would take its spot.
    expect(placeLabels([republic, ...georgia], view, [legend]).map((p) => p.id)).toEqual(['g1']);
    expect(placeLabels([republic, ...georgia], view).map((p) => p.id)).toEqual(['g0', 'republic']);
  });
  it('keeps each group’s points together in their order, at the place of its first, priority first', () => {
    const order = placingOrder([
      label({ id: 'a0', priority: 1, group: 'a' }),
      label({ id: 'x', priority: 1 }),
      label({ id: 'b0', priority: 1, group: 'b' }),
      label({ id: 'a1', priority: 1, group: 'a' }),
      label({ id: 'hi', priority: 3 }),
      label({ id: 'b1', priority: 1, group: 'b' }),
    ]).map((l) => l.id);
    expect(order).toEqual(['hi', 'a0', 'a1', 'x', 'b0', 'b1']);
  });
  it('two groups never share a name: each is placed once, the other group’s points are its own', () => {
    const armenia = [at('a0', 60, 275, { group: 'country:ARMENIA' }), at('a1', 250, 150, { group: 'country:ARMENIA' })];
    // Georgia takes g1 (its first is covered); Armenia's a1 would meet it, a0 lies under the legend too: unnamed.
    expect(placeLabels([...georgia, ...armenia], view, [{ x: 0, y: 50, width: 150, height: 250 }]).map((p) => p.id)).toEqual(['g1']);
    // With the legend smaller, Armenia at its first point: both named, once each.
    expect(placeLabels([...georgia, ...armenia], view, [legend]).map((p) => p.id)).toEqual(['g1', 'a0']);
  });
  it('where the aircraft alone turns it from its first point, a move of the aircraft needs a new layout', () => {
    const a = iconBox(AIRCRAFT_ICON, 60, 150);
    const out = layoutLabels(georgia, view, [], 2, [], a);
    expect(out.placed.map((p) => p.id)).toEqual(['g1']);
    expect(out.aircraftMatters).toBe(true);
    expect(needsRelayout(out, iconBox(AIRCRAFT_ICON, 60, 20))).toBe(true);
  });
});

describe("names clear of the places' marks", () => {
  // Aktau at 27 Dec 2024, 1000×700: the airport's name has no room on its right (the zoom buttons); on its left
  // lies the crash ✕, 40 px west. The old placement put "Aktau SCO" over the ✕ and left "Crash site" unnamed.
  const view = { width: 400, height: 300 };
  const airport = label({
    id: 'aktau',
    x: 300,
    y: 150,
    width: 70,
    height: 16,
    radial: 9,
    priority: 5,
    anchors: ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom'],
  });
  const crash = label({
    id: 'crash',
    x: 255,
    y: 158,
    width: 66,
    height: 16,
    radial: 11.7,
    priority: 4,
    anchors: ['right', 'bottom-right', 'top-right', 'left', 'bottom-left', 'top-left'],
  });
  const zoomButtons = { x: 340, y: 100, width: 60, height: 100 };
  const marks: Mark[] = [
    { x: 255 - 11, y: 158 - 11, width: 22, height: 22, owner: 'crash' },
    { x: 300 - 6.5, y: 150 - 6.5, width: 13, height: 13, owner: 'aktau' },
  ];
  const meets = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  it("never puts a name over another place's mark, and both names find room", () => {
    const placed = placeLabels([airport, crash], view, [zoomButtons], 2, marks);
    expect(placed.map((p) => p.id).sort()).toEqual(['aktau', 'crash']);
    for (const p of placed) {
      const l = p.id === 'aktau' ? airport : crash;
      const b = { x: p.x, y: p.y, width: l.width, height: l.height };
      for (const m of marks.filter((m) => m.owner !== p.id)) expect(meets(b, m), `${p.id} over ${m.owner}'s mark`).toBe(false);
    }
    // The boxes themselves do not touch either.
    const [a, c] = placed.map((p) => ({ x: p.x, y: p.y, width: (p.id === 'aktau' ? airport : crash).width, height: 16 }));
    expect(meets(a!, c!)).toBe(false);
  });
  it('names both places when the marks nearly meet (as at 27 Dec 2024): the airport below, past the ✕', () => {
    const near = { ...crash, x: 295, y: 150 };
    const nearMarks: Mark[] = [{ ...marks[0]!, x: 295 - 11, y: 150 - 11 }, marks[1]!];
    const placed = placeLabels([airport, near], view, [zoomButtons], 2, nearMarks);
    expect(placed).toMatchObject([
      { id: 'aktau', anchor: 'top' },
      { id: 'crash', anchor: 'right' },
    ]);
    expect(placed[0]!.y).toBeGreaterThan(150 + 11 + 2); // its box starts below the ✕
  });
  it('lets a name sit beside its own mark', () => {
    const alone = placeLabels([crash], view, [], 2, [marks[0]!]);
    expect(alone).toMatchObject([{ id: 'crash', anchor: 'right' }]);
  });
  it('leaves a name out rather than over a mark (no anchor clear)', () => {
    const boxed = label({ id: 'x', x: 200, y: 150, width: 60, height: 16, anchors: ['center'] });
    expect(placeLabels([boxed], view, [], 2, [{ x: 195, y: 145, width: 10, height: 10, owner: 'other' }])).toEqual([]);
  });
});

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the aircraft’s box', () => {
  // A bar 10 px long across a 10 px icon, with a 2 px halo.
  const bar = {
    size: 10,
    haloWidth: 2,
    path: [
      ['M', 0, 5],
      ['L', 10, 5],
    ] as const,
  };
  it('is the icon’s shape with its halo, centred on its point, turned by its bearing', () => {
    expect(iconBox(bar, 100, 50)).toEqual({ x: 94, y: 49, width: 12, height: 2 });
    const turned = iconBox(bar, 100, 50, 90);
    expect(turned.x).toBeCloseTo(99, 9);
    expect(turned.y).toBeCloseTo(44, 9);
    expect(turned.width).toBeCloseTo(2, 9);
    expect(turned.height).toBeCloseTo(12, 9);
    const diagonal = iconBox(bar, 0, 0, 45);
    expect(diagonal.width).toBeCloseTo(10 / Math.SQRT2 + 2, 9);
  });
  it('of the aircraft: its path’s extent with the halo, from the symbology table; across at 90° what it was along', () => {
    const xs = AIRCRAFT_ICON.path.flatMap((c) => (c[0] === 'Z' ? [] : c.filter((_, i) => i % 2 === 1))) as number[];
    const ys = AIRCRAFT_ICON.path.flatMap((c) => (c[0] === 'Z' ? [] : c.filter((_, i) => i > 0 && i % 2 === 0))) as number[];
    const h = AIRCRAFT_ICON.haloWidth / 2,
      c = AIRCRAFT_ICON.size / 2;
    expect(iconBox(AIRCRAFT_ICON, 0, 0, 0)).toEqual({
      x: Math.min(...xs) - c - h,
      y: Math.min(...ys) - c - h,
      width: Math.max(...xs) - Math.min(...xs) + 2 * h,
      height: Math.max(...ys) - Math.min(...ys) + 2 * h,
    });
    const up = iconBox(AIRCRAFT_ICON, 0, 0, 0),
      east = iconBox(AIRCRAFT_ICON, 0, 0, 90);
    expect(east.width).toBeCloseTo(up.height, 9);
    expect(east.height).toBeCloseTo(up.width, 9);
    for (const deg of [0, 30, 45, 135, 222]) {
      const b = iconBox(AIRCRAFT_ICON, 0, 0, deg);
      expect(Math.max(b.width, b.height)).toBeLessThanOrEqual((AIRCRAFT_ICON.size + AIRCRAFT_ICON.haloWidth) * Math.SQRT2);
    }
  });
});

describe('names clear of the aircraft', () => {
  const view = { width: 400, height: 300 };
  // As Baku at take-off: the airport's name beside its ring, the aircraft over the ring.
  const airport = label({
    id: 'gyd',
    x: 200,
    y: 150,
    width: 70,
    height: 16,
    radial: 9,
    priority: 5,
    anchors: ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom'],
  });
  const ring: Mark = { x: 193.5, y: 143.5, width: 13, height: 13, owner: 'gyd' };
  const plane = (x: number, y: number, deg = 0) => iconBox(AIRCRAFT_ICON, x, y, deg);
  const boxOf = (l: LabelInput, p: { x: number; y: number; variant: number }) => ({ x: p.x, y: p.y, width: l.width, height: l.height });
  it('turns a name to its next anchor where the aircraft meets the first (it used to be drawn over the wing)', () => {
    const a = plane(200 + 9 + 20, 150); // over where the name would start
    expect(placeLabels([airport], view, [], 2, [ring])[0]!.anchor).toBe('left'); // without it
    const [p] = placeLabels([airport], view, [], 2, [ring], a);
    expect(p!.anchor).not.toBe('left');
    expect(meets(boxOf(airport, p!), a)).toBe(false);
  });
  it('names a place the aircraft stands over, past the aircraft, rather than leaving it out', () => {
    for (const deg of [0, 45, 135, 300]) {
      const a = plane(200, 150, deg);
      const out = layoutLabels([airport], view, [], 2, [ring], a);
      expect(out.placed, `at ${deg}°`).toHaveLength(1);
      const b = out.boxes[0]!;
      expect(meets(b, { x: a.x - 2, y: a.y - 2, width: a.width + 4, height: a.height + 4 }), `at ${deg}°`).toBe(false);
      // Near its place still: within the aircraft's box and a name's width of its point.
      expect(Math.abs(b.x + b.width / 2 - 200)).toBeLessThan(a.width / 2 + airport.width);
      expect(Math.abs(b.y + b.height / 2 - 150)).toBeLessThan(a.height / 2 + 2 * airport.height);
      expect(out.aircraftMatters).toBe(true);
    }
  });
  it('a name pushed past the aircraft also stands off the lines where it can (Baku at take-off, the route and track going north)', () => {
    const a = plane(200, 150, 0);
    const first = layoutLabels([airport], view, [], 2, [ring], a).placed[0]!;
    const b = { x: first.x, y: first.y, width: airport.width, height: airport.height };
    // A line through the name where it went, from the point out past it.
    const line = [
      { x: 200, y: 150 },
      { x: 200 + 3 * (b.x + b.width / 2 - 200), y: 150 + 3 * (b.y + b.height / 2 - 150) },
    ];
    const off = layoutLabels([airport], view, [], 2, [ring], a, [line]).placed[0]!;
    expect(off.anchor).not.toBe(first.anchor);
    const ob = { x: off.x, y: off.y, width: airport.width, height: airport.height };
    expect(linesMeetBox([line], ob)).toBe(false);
    expect(meets(ob, a)).toBe(false);
  });
  it('changes nothing where the aircraft is far from every name', () => {
    const far = layoutLabels([airport], view, [], 2, [ring], plane(50, 250));
    expect(far.placed).toEqual(placeLabels([airport], view, [], 2, [ring]));
    expect(far.aircraftMatters).toBe(false);
  });

  // A slider step lays the names out again only when needsRelayout says so: wherever it says no, the layout with
  // the aircraft moved is the same as the one made before, name for name. Random maps of names, marks and steps.
  it('needs no new layout only where a new one would be the same (random names, lines and aircraft positions)', () => {
    let seed = 12;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const anchors = [['left', 'right'], ['right', 'bottom-right', 'top-right', 'left'], ['center'], ['right', 'left', 'top', 'bottom']] as const;
    let skipped = 0,
      redone = 0;
    for (let scene = 0; scene < 60; scene++) {
      const labels = Array.from({ length: 3 + Math.floor(rnd() * 10) }, (_, i) => {
        const a = anchors[Math.floor(rnd() * anchors.length)]!;
        return label({
          id: `n${i}`,
          x: rnd() * 400,
          y: rnd() * 300,
          width: 30 + rnd() * 90,
          height: 14 + rnd() * 20,
          anchors: a,
          priority: rnd() * 5,
          ...(a[0] === 'center' ? {} : { radial: 6 + rnd() * 6 }),
          ...(rnd() < 0.3 ? { variants: [{ width: 30, height: 14 }] } : {}),
        });
      });
      // Some of them the candidate points of one name (a country's): labels 1, 4, 7 … one group.
      for (const [i, l] of labels.entries()) if (i % 3 === 1) Object.assign(l, { group: 'g', priority: labels[1]!.priority });
      const marks: Mark[] = labels.filter(() => rnd() < 0.4).map((l) => ({ x: l.x - 6, y: l.y - 6, width: 12, height: 12, owner: l.id }));
      const obstacles = [{ x: 340, y: 0, width: 60, height: 90 }];
      // The route and the track, as the live map passes them: a few polylines across the view.
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
        Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => ({ x: rnd() * 400, y: rnd() * 300 })),
      );
      let at = plane(rnd() * 400, rnd() * 300, rnd() * 360);
      let last = layoutLabels(labels, view, obstacles, 2, marks, at, lines, 1.75);
      for (let step = 0; step < 40; step++) {
        // Mostly small steps along a heading, sometimes a jump; sometimes hidden.
        const next =
          rnd() < 0.1
            ? null
            : rnd() < 0.2
              ? plane(rnd() * 400, rnd() * 300, rnd() * 360)
              : plane(at.x + at.width / 2 + (rnd() - 0.3) * 12, at.y + at.height / 2 + (rnd() - 0.3) * 12, rnd() * 360);
        const fresh = layoutLabels(labels, view, obstacles, 2, marks, next, lines, 1.75);
        if (!needsRelayout(last, next)) {
          skipped++;
          expect(fresh.placed).toEqual(last.placed);
        } else {
          redone++;
          last = fresh;
        }
        if (next) at = next;
      }
    }
    // Both cases are met: most steps skip the layout.
    expect(skipped).toBeGreaterThan(redone);
    expect(redone).toBeGreaterThan(50);
  });
  it('asks for a new layout where the aircraft comes onto a name, and where it had turned one away', () => {
    const alone = layoutLabels([airport], view, [], 2, [ring], null);
    expect(needsRelayout(alone, plane(50, 250))).toBe(false);
    expect(needsRelayout(alone, null)).toBe(false);
    const b = alone.boxes[0]!;
    expect(needsRelayout(alone, plane(b.x + b.width / 2, b.y + b.height / 2))).toBe(true);
    const pushed = layoutLabels([airport], view, [], 2, [ring], plane(200, 150));
    expect(needsRelayout(pushed, null)).toBe(true); // the name may go back beside its ring
  });
});

describe('names off the lines', () => {
  const box = { x: 10, y: 10, width: 20, height: 10 };
  it('finds whether a segment passes through a box', () => {
    expect(segmentMeetsBox({ x: 0, y: 15 }, { x: 40, y: 15 }, box)).toBe(true); // across
    expect(segmentMeetsBox({ x: 15, y: 12 }, { x: 16, y: 13 }, box)).toBe(true); // inside
    expect(segmentMeetsBox({ x: 0, y: 0 }, { x: 40, y: 40 }, box)).toBe(true); // diagonal through
    expect(segmentMeetsBox({ x: 0, y: 0 }, { x: 9, y: 40 }, box)).toBe(false); // beside
    expect(segmentMeetsBox({ x: 0, y: 15 }, { x: 15, y: 0 }, box)).toBe(false); // past the corner (x + y = 15 < 10 + 10)
    expect(segmentMeetsBox({ x: 0, y: 25 }, { x: 25, y: 0 }, box)).toBe(true); // across the corner
    expect(segmentMeetsBox({ x: 0, y: 5 }, { x: 40, y: 5 }, box)).toBe(false); // above
    expect(segmentMeetsBox({ x: 0, y: 10 }, { x: 40, y: 10 }, box)).toBe(true); // along its edge
    expect(segmentMeetsBox({ x: 35, y: 15 }, { x: 50, y: 15 }, box)).toBe(false); // short of it
    expect(
      linesMeetBox(
        [
          [
            { x: 0, y: 0 },
            { x: 5, y: 5 },
            { x: 5, y: 40 },
          ],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      linesMeetBox(
        [
          [
            { x: 0, y: 0 },
            { x: 5, y: 5 },
          ],
          [
            { x: 50, y: 0 },
            { x: 20, y: 30 },
          ],
        ],
        box,
      ),
    ).toBe(true);
  });
  // "Crash site" at its first anchor ('right': the text left of the ✕) lay on the track in from the sea.
  const crash = label({ id: 'crash', x: 200, y: 100, anchors: ['right', 'left', 'top'], radial: 8 });
  const track = [
    { x: 0, y: 101 },
    { x: 200, y: 100 },
  ]; // in from the west, to the point
  it('takes the first anchor whose box no line passes through', () => {
    expect(placeLabels([crash], { width: 400, height: 200 })[0]!.anchor).toBe('right');
    expect(placeLabels([crash], { width: 400, height: 200 }, [], 2, [], null, [track])[0]!.anchor).toBe('left');
  });
  it('keeps a line’s half-width off the box (lineRoom)', () => {
    // The 'right' box: x 112–192, y 92–108. A line 1.5 px above it, left of the point: under a 3.5 px line's half-width.
    const near = [
      { x: 0, y: 90.5 },
      { x: 150, y: 90.5 },
    ];
    expect(placeLabels([crash], { width: 400, height: 200 }, [], 2, [], null, [near], 0)[0]!.anchor).toBe('right');
    expect(placeLabels([crash], { width: 400, height: 200 }, [], 2, [], null, [near], 1)[0]!.anchor).toBe('right');
    expect(placeLabels([crash], { width: 400, height: 200 }, [], 2, [], null, [near], 1.75)[0]!.anchor).toBe('left');
  });
  it('where a line passes through every place, the first place (a name is never left out for a line)', () => {
    const everywhere = [
      { x: 0, y: 101 },
      { x: 400, y: 101 },
      { x: 200, y: 0 },
      { x: 200, y: 200 },
    ];
    expect(placeLabels([crash], { width: 400, height: 200 }, [], 2, [], null, [everywhere])[0]!.anchor).toBe('right');
  });
  it('keeps the full label on a line rather than a shorter form off it', () => {
    const l = label({ id: 'a', x: 200, y: 100, anchors: ['left'], radial: 4, variants: [{ width: 20, height: 16 }] });
    const line = [
      { x: 260, y: 0 },
      { x: 260, y: 200 },
    ]; // through the full box (204–284), past the short one (204–224)
    const [p] = placeLabels([l], { width: 400, height: 200 }, [], 2, [], null, [line]);
    expect(p!.variant).toBe(0);
  });
});

describe('sizes by zoom', () => {
  it('interpolates linearly and clamps, as MapLibre', () => {
    expect(byZoom(4, 4, 11, 8, 14)).toBe(11);
    expect(byZoom(6, 4, 11, 8, 14)).toBe(12.5);
    expect(byZoom(2, 4, 11, 8, 14)).toBe(11);
    expect(byZoom(12, 4, 11, 8, 14)).toBe(14);
  });
});

describe('framing a place clear of the legend', () => {
  const view = { width: 620, height: 420 };
  const base = { top: 40, bottom: 60, left: 40, right: 80 };
  it('widens the padding past a tall box on the left or the right', () => {
    expect(paddingClearOf(base, [{ x: 10, y: 30, width: 280, height: 360 }], view)).toEqual({ ...base, left: 306 });
    expect(paddingClearOf(base, [{ x: 500, y: 30, width: 110, height: 300 }], view)).toEqual({ ...base, right: 136 });
  });
  it('leaves the padding alone for small boxes (controls, a closed legend) and for a box wider than half the view', () => {
    expect(
      paddingClearOf(
        base,
        [
          { x: 10, y: 370, width: 160, height: 36 },
          { x: 580, y: 10, width: 30, height: 90 },
        ],
        view,
      ),
    ).toEqual(base);
    expect(paddingClearOf(base, [{ x: 0, y: 0, width: 400, height: 420 }], view)).toEqual(base);
  });
});

describe("a place's name keeps off the view's edge", () => {
  // Grozny on the whole route in a 4:5 export: its point 88 px from the left edge, its name 74 px wide; to the right
  // of the point is on the track, so it stood to the left, 4.6 px from the edge.
  const grozny = { id: 'grv', x: 88, y: 300, width: 74, height: 16, anchors: ['right', 'top'] as const, radial: 9, priority: 1 };
  it('without an edge, a label may touch the edge (MapLibre keeps it inside the view only)', () => {
    const [p] = placeLabels([grozny], { width: 800, height: 600 });
    expect(p).toMatchObject({ anchor: 'right' });
    expect(p!.x).toBeLessThan(PLACE_EDGE);
  });
  it('with one, the anchor that comes nearer the edge is passed over for the next', () => {
    const [p] = placeLabels([{ ...grozny, edge: PLACE_EDGE }], { width: 800, height: 600 });
    expect(p).toMatchObject({ anchor: 'top' });
    expect(p!.x).toBeGreaterThanOrEqual(PLACE_EDGE);
  });
  it('on every side: a box fits where it leaves the edge room all round', () => {
    const view = { width: 200, height: 100 };
    const at = (width: number, height: number, edge: number) =>
      placeLabels([{ id: 'a', x: 100, y: 50, width, height, anchors: ['center'], priority: 1, edge }], view).length;
    expect(at(184, 84, PLACE_EDGE)).toBe(1);
    expect(at(185, 84, PLACE_EDGE)).toBe(0);
    expect(at(184, 85, PLACE_EDGE)).toBe(0);
    expect(at(200, 100, 0)).toBe(1);
  });
});
