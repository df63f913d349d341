/**
 * The corrections log's entries in another language (geo/i18n/changelog-<locale>.json): each entry's `what` and
 * `why`, keyed by `date#n` (n counts the entries of that date from the oldest, so a new entry at the top does not
 * move the others' keys). Pure: schema and checks, no fs. A translation keeps the English's numbers and times
 * (factsOf, as the story's texts) and its quoted words “…” as they are.
 */
import { z } from 'zod';
import { factsOf } from '../i18n/check';
import type { Changelog, ChangelogEntry } from './changelog';

export const changelogTextFile = (locale: string) => `geo/i18n/changelog-${locale}.json`;

export const ChangelogText = z.strictObject({
  meta: z.strictObject({ locale: z.string(), translator: z.string().min(1), reviewed: z.boolean() }),
  entries: z.record(z.string(), z.strictObject({ what: z.string().trim().min(1), why: z.string().trim().min(1) })),
});
export type ChangelogText = z.infer<typeof ChangelogText>;

/** Each entry's key, in the log's order: `2026-12-02#9` … `2026-12-02#1`. */
export function entryKeys(log: Changelog): string[] {
  return log.entries.map((e, i) => `${e.date}#${log.entries.slice(i + 1).filter((x) => x.date === e.date).length + 1}`);
}

const quotesOf = (s: string) => [...s.matchAll(/“[^”]*”/g)].map((m) => m[0]);

/** Every problem in one locale's file: unknown or missing entries, changed numbers, times or quoted words. */
export function checkChangelogText(file: string, raw: unknown, log: Changelog, locale: string): string[] {
  if (raw === undefined) return [`${file}: missing (every translated locale needs the log's entries)`];
  const r = ChangelogText.safeParse(raw);
  if (!r.success) return r.error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
  const errors: string[] = [];
  if (r.data.meta.locale !== locale) errors.push(`${file}: meta.locale: "${r.data.meta.locale}" is not ${locale}`);
  const keys = entryKeys(log);
  const byKey = new Map(keys.map((k, i) => [k, log.entries[i]!]));
  for (const k of Object.keys(r.data.entries)) if (!byKey.has(k)) errors.push(`${file}: entries["${k}"]: no such entry in geo/changelog.json`);
  for (const [k, en] of byKey) {
    const tr = r.data.entries[k];
    if (!tr) {
      errors.push(`${file}: entries["${k}"]: missing (geo/changelog.json has it)`);
      continue;
    }
    for (const field of ['what', 'why'] as const) {
      const a = factsOf(en[field]),
        b = factsOf(tr[field]);
      const lost = [...a].filter((x) => !b.has(x)),
        added = [...b].filter((x) => !a.has(x));
      if (lost.length || added.length)
        errors.push(
          `${file}: entries["${k}"].${field}: numbers and times differ from English's (${[...lost.map((x) => `lost ${x}`), ...added.map((x) => `added ${x}`)].join(', ')})`,
        );
      for (const q of quotesOf(en[field]))
        if (!tr[field].includes(q)) errors.push(`${file}: entries["${k}"].${field}: the quoted words ${q} must stay as in English`);
    }
  }
  return errors;
}

/** The entry's words in the language, or undefined (the English is shown). */
export function entryText(log: Changelog, text: ChangelogText | undefined): (e: ChangelogEntry) => { what: string; why: string } | undefined {
  if (!text) return () => undefined;
  const keys = new Map(log.entries.map((e, i) => [e, entryKeys(log)[i]!]));
  return (e) => text.entries[keys.get(e) ?? ''];
}
