/**
 * For the tests: the exported map's layers in drawing order, as the SVG names them (Inkscape's layer panel). The
 * unit test pins the picture's model (map.test.ts), the browser test the SVG the page writes
 * (test/e2e/export-vector.test.ts); one list, so the two cannot drift apart.
 */
export const MAP_LAYERS = [
  'basemap',
  'borders',
  'context-names',
  'strike-area',
  'planned-route',
  'flown-track',
  'claims',
  'uncertainty-ring',
  'places',
  'aircraft',
  'names',
];
