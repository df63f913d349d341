/** Calendar days in the data ("2025-02-04"): the one place they are read. Pure. */

/** The instant a UTC calendar day starts, in ms since the epoch; NaN for anything that is not a real YYYY-MM-DD day. */
export function utcDayStart(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(day) ? t : NaN;
}
