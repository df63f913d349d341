/**
 * No sky pass on a style without a sky. MapLibre 6 draws the sky at every frame, a full-screen pass, whether or
 * not the style has one: without one its colours are transparent and the pass changes no pixel. Upstream meant to
 * skip it then ("the entire method can be avoided if the sky is not defined", maplibre-gl-js #3645); 6.x does
 * not. Our maps are flat and have no sky, so the pass is pure cost: on a software GPU its shader's compile at the
 * first frame and a full-screen fill at every frame: 4–7 % of the page's load to idle, 7–15 % of a 3840 × 2160 export
 * (README, Performance).
 *
 * A style that sets a sky (none of ours today) is still drawn with it. MapLibre makes a new painter when a lost
 * WebGL context comes back, so the choice is made again then.
 */
import type { Map as MlMap } from 'maplibre-gl';

export function skipAbsentSky(map: MlMap): void {
  const apply = () => {
    const p = map.painter;
    const draw = p.drawFunctions; // MapLibre's own table, shared by every map: replaced, never changed in place
    if (typeof draw?.sky !== 'function') return; // another MapLibre: it draws as it does (test/e2e/map.test.ts says so)
    p.drawFunctions = { ...draw, sky: (...a) => (map.style?.stylesheet?.sky ? draw.sky(...a) : undefined) };
  };
  apply();
  map.on('webglcontextrestored', apply);
}
