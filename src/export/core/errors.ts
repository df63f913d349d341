/**
 * The export's one error type: a failure said in words a reader can act on (try a smaller scale, the basemap
 * could not be loaded…), shown by the dialog and printed by `npm run export`. Thrown by the PNG and the vector
 * runs alike. (pure)
 */
export class ExportError extends Error {
  override name = 'ExportError';
}
