/** Reader-facing words for statuses and certainty classes (pure data, shared by panel, legend, list, export). */
import type { Certainty, Status } from '../story/schema';
import { msg, type MessageKey } from './index';

/** An object whose values are messages, read in the page's language each time (call sites index it as before). */
function messages<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [k, key] of Object.entries(keys) as [K, MessageKey][]) Object.defineProperty(out, k, { get: () => msg(key), enumerable: true });
  return out;
}

export const STATUS_LABEL: Record<Status, string> = messages({
  'official-report': 'status.official-report',
  'official-statement': 'status.official-statement',
  'ads-b': 'status.ads-b',
  reported: 'status.reported',
  claim: 'status.claim',
  derived: 'status.derived',
});

export const STATUS_HELP: Record<Status, string> = messages({
  'official-report': 'status.help.official-report',
  'official-statement': 'status.help.official-statement',
  'ads-b': 'status.help.ads-b',
  reported: 'status.help.reported',
  claim: 'status.help.claim',
  derived: 'status.help.derived',
});

export const CERTAINTY_LABEL: Record<Certainty, string> = messages({
  known: 'certainty.known',
  planned: 'certainty.planned',
  approximate: 'certainty.approximate',
  reconstructed: 'certainty.reconstructed',
});

/**
 * An event's title in a line that is heard or read without its badge (the slider's value text and readout, the
 * panel's announcement): a claim says it is one, unverified, as its badge does in the panel.
 */
export function eventLine(e: { title: string; status: Status }): string {
  return e.status === 'claim' ? msg('tl.claimEvent', { event: e.title }) : e.title;
}
