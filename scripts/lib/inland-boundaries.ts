/**
 * The parts of admin-1 boundaries that lie inland: not along a coastline and not along a country border,
 * which the basemap draws already (from a finer source, so the two never quite coincide). Pure.
 */
import type { Polygon, Position } from 'geojson';

/** A segment is kept when its middle lies farther than this from every coast and border line (km). */
export const INLAND_KM = 4;

const KM_PER_DEG = 111.32;

/** Distance in km from p to the segment a–b (planar, longitude scaled at p's latitude: fine at these sizes). */
function toSegmentKm(p: Position, a: Position, b: Position, k: number): number {
  const px = p[0]! * k,
    py = p[1]!,
    ax = a[0]! * k,
    ay = a[1]!,
    bx = b[0]! * k,
    by = b[1]!;
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * KM_PER_DEG;
}

/**
 * The inland parts of the polygons' outlines, as lines: each shared edge once, runs of kept segments joined.
 * `lines` are the coastlines (land rings) and country borders already drawn.
 */
export function inlandBoundaries(polygons: readonly Polygon[], lines: readonly Position[][], inlandKm = INLAND_KM): Position[][] {
  const [w, s, e, n] = polygons
    .flatMap((p) => p.coordinates.flat())
    .reduce(
      (b, q) => [Math.min(b[0]!, q[0]!), Math.min(b[1]!, q[1]!), Math.max(b[2]!, q[0]!), Math.max(b[3]!, q[1]!)],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
  const m = 0.2; // only the lines near the polygons matter
  const near = (q: Position) => q[0]! >= w! - m && q[0]! <= e! + m && q[1]! >= s! - m && q[1]! <= n! + m;
  const segs: [Position, Position][] = [];
  for (const line of lines) for (let i = 0; i + 1 < line.length; i++) if (near(line[i]!) || near(line[i + 1]!)) segs.push([line[i]!, line[i + 1]!]);
  const seen = new Set<string>();
  const out: Position[][] = [];
  for (const poly of polygons)
    for (const ring of poly.coordinates) {
      let run: Position[] = [];
      const flush = () => {
        if (run.length >= 2) out.push(run);
        run = [];
      };
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!,
          b = ring[i + 1]!;
        const key = [a.join(','), b.join(',')].sort().join('|');
        const mid: Position = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
        const k = Math.cos((mid[1]! * Math.PI) / 180);
        const inland = !seen.has(key) && segs.every(([p, q]) => toSegmentKm(mid, p, q, k) > inlandKm);
        seen.add(key);
        if (!inland) {
          flush();
          continue;
        }
        if (!run.length) run.push(a);
        run.push(b);
      }
      flush();
    }
  return out;
}
