/**
 * The export's one error type: a failure said in words a reader can act on (try a smaller scale, the basemap
 * could not be loaded…), shown by the dialog and printed by `npm run export`. Thrown by the PNG and the vector
 * runs alike. Its words are a catalogue message (`export.error.*`, geo/i18n/*.json) in the picture's language,
 * inside the dialog's "The picture could not be made: …"; `key` names it for tests and tools. (pure)
 *
 * A request the API or the command line cannot read (an unknown option, a bad size) is a developer's error and
 * stays in English, like the command's --help: `new ExportError(null, text)`.
 */
import { msg, type MessageKey } from '../../i18n';
import type { Values } from '../../i18n/messages';

export type ExportErrorKey = Extract<MessageKey, `export.error.${string}`> | 'export.cancelled';

export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    readonly key: ExportErrorKey | null,
    textOrValues?: string | Values,
  ) {
    super(key === null ? String(textOrValues ?? '') : msg(key, typeof textOrValues === 'object' ? textOrValues : undefined));
  }
}
