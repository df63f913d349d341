/** Reader-facing words for statuses and certainty classes (pure data, shared by panel, legend, list, export). */
import type { Certainty, Status } from './schema';

export const STATUS_LABEL: Record<Status, string> = {
  'official-report': 'Official report',
  'official-statement': 'Official statement',
  'ads-b': 'ADS-B data',
  reported: 'Reported',
  claim: 'Claim',
  derived: 'Derived by us',
};

export const STATUS_HELP: Record<Status, string> = {
  'official-report': 'From the Kazakh investigation’s preliminary report (4 Feb 2025) or interim statement (25 Dec 2025), quoted through other outlets.',
  'official-statement': 'A government or agency statement; not an investigation finding.',
  'ads-b': 'Flightradar24 data or statements.',
  reported: 'Media reports citing anonymous sources.',
  claim: 'Leaks, Telegram channels or partisan officials. Unverified.',
  derived: 'Computed by us from a description; not in any source.',
};

export const CERTAINTY_LABEL: Record<Certainty, string> = {
  known: 'Known position',
  planned: 'Planned route (approximate)',
  approximate: 'Flown, approximate (ADS-B not published)',
  reconstructed: 'Reconstructed (no position data)',
};
