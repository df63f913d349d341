/**
 * The catalogue checks `npm run validate` and the build run (Node: uses the ICU parser). Each problem is one
 * line naming the file, the key and what is wrong:
 * - every locale has exactly English's keys (none missing, none extra);
 * - every message is ICU MessageFormat, with the same placeholders as English's, of the same kinds (a plural
 *   stays a plural, a select keeps English's cases); a plural has `other` and every category its language needs
 *   (Russian one/few/many/other, Kazakh one/other);
 * - the metadata says who or what translated it and whether a native-speaking editor reviewed it;
 * - story translations name only things and fields that exist in geo/, and (when `complete`) cover all of them;
 * - a story translation keeps the English's facts: the same numbers and times (written in the language's way:
 *   30 000 for 30,000, 5,7 for 5.7), none lost and none added;
 * - quotations (geo/i18n/quotes.json): every “…” in the English story is listed there, and one whose English words
 *   are the original (`words: original`) stays verbatim in every translation (its translation goes beside it).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { z } from 'zod';
import { INTL_TAG, isLocale, type AnyLocale } from './locales';
import type { StoryKind } from './story-text';
import { STORY_FIELDS } from './story-text';

const Meta = z.strictObject({
  locale: z.string(),
  name: z.string().min(1),
  translator: z.string().min(3),
  method: z.enum(['original', 'human', 'machine']),
  reviewed: z.boolean(),
  note: z.string().optional(),
});
const StoryFile = z.partialRecord(
  z.enum(Object.keys(STORY_FIELDS) as [StoryKind, ...StoryKind[]]),
  z.record(z.string(), z.record(z.string(), z.string().min(1))),
);
const CatalogueFile = z.strictObject({ meta: Meta, messages: z.record(z.string(), z.string()), story: StoryFile.optional() });
export type CatalogueFileData = z.infer<typeof CatalogueFile>;

const QuotesFile = z.strictObject({
  about: z.string(),
  quotes: z.array(
    z.strictObject({
      kind: z.enum(Object.keys(STORY_FIELDS) as [StoryKind, ...StoryKind[]]),
      id: z.string(),
      field: z.string(),
      text: z.string().min(1),
      /** original: the words as said or published, in `lang`; rendering: an English rendering, the original wording not in our sources; name: a name or term; ours: our own words. */
      words: z.enum(['original', 'rendering', 'name', 'ours']),
      lang: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
});

/**
 * The facts of a text that a translation must keep: its numbers and times, normalised (30,000 and 30 000 → 30000;
 * 5.7 and 5,7 → 5.7; 05:13:31 stays as it is).
 */
export function factsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(/\d{1,2}:\d{2}(?::\d{2})?|\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g)) {
    const n = m[0];
    out.add(n.includes(':') ? n : /^\d{1,3}([ ,\u00a0\u202f]\d{3})+$/.test(n) ? n.replace(/[ ,\u00a0\u202f]/g, '') : n.replace(',', '.'));
  }
  return out;
}

/** One placeholder's shape: "count:plural[few,many,one,other]" or "name:argument"; what must match English. */
type Shape = Map<string, string>;

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

function shapeOf(ast: MessageFormatElement[], out: Shape, problems: string[], categories: readonly string[]) {
  for (const el of ast) {
    const kind = KIND[el.type];
    if (!kind || !('value' in el) || typeof el.value !== 'string') {
      if (el.type === TYPE.tag) shapeOf(el.children, out, problems, categories);
      continue;
    }
    let sig = kind;
    if (el.type === TYPE.select) sig += `[${Object.keys(el.options).sort().join(',')}]`;
    if (el.type === TYPE.plural) {
      const keys = Object.keys(el.options);
      if (!keys.includes('other')) problems.push(`plural "${el.value}" has no "other" case`);
      const bad = keys.filter((k) => !/^=\d+$/.test(k) && !categories.includes(k));
      if (bad.length) problems.push(`plural "${el.value}" has case(s) ${bad.join(', ')} that this language does not use (it uses ${categories.join(', ')})`);
      const missing = categories.filter((c) => !keys.includes(c));
      if (missing.length) problems.push(`plural "${el.value}" lacks the case(s) ${missing.join(', ')} this language needs`);
      if (el.pluralType === 'ordinal') sig += '-ordinal';
    }
    const prev = out.get(el.value);
    if (prev && prev !== sig) problems.push(`"${el.value}" is used as ${prev} and as ${sig}`);
    out.set(el.value, sig);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) shapeOf(o.value, out, problems, categories);
  }
}

const fmtShape = (s: Shape) =>
  [...s.entries()]
    .sort()
    .map(([k, v]) => `{${k}: ${v}}`)
    .join(' ') || 'none';

export function pluralCategories(locale: AnyLocale): string[] {
  return new Intl.PluralRules(INTL_TAG[locale]).resolvedOptions().pluralCategories.slice();
}

/** Parses one message and returns its shape, or the problems. */
export function messageShape(msg: string, locale: AnyLocale): { shape: Shape; problems: string[] } {
  const problems: string[] = [];
  const shape: Shape = new Map();
  let ast: MessageFormatElement[];
  try {
    ast = parse(msg);
  } catch (e) {
    return { shape, problems: [`not ICU MessageFormat (${(e as Error).message})`] };
  }
  shapeOf(ast, shape, problems, pluralCategories(locale));
  return { shape, problems };
}

/** What the story offers to translate: kind → id → field → English. */
export type StoryWords = Record<StoryKind, Map<string, Record<string, string>>>;

export interface CheckInput {
  /** file name for messages, e.g. geo/i18n/ru.json */
  file: string;
  locale: AnyLocale;
  data: unknown;
}

/** Checks every catalogue against English (the first, with locale 'en'). */
export function checkCatalogues(
  files: CheckInput[],
  story?: StoryWords,
  { complete = false, quotes }: { complete?: boolean; quotes?: { file: string; data: unknown } } = {},
): string[] {
  const errors: string[] = [];
  const parsed = new Map<string, CatalogueFileData>();
  for (const f of files) {
    const r = CatalogueFile.safeParse(f.data);
    if (!r.success) {
      for (const i of r.error.issues) errors.push(`${f.file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
      continue;
    }
    if (r.data.meta.locale !== f.locale) errors.push(`${f.file}: meta.locale: "${r.data.meta.locale}" is not the file's locale "${f.locale}"`);
    parsed.set(f.file, r.data);
  }
  const enFile = files.find((f) => f.locale === 'en');
  const en = enFile && parsed.get(enFile.file);
  if (!enFile || !en) return errors.length ? errors : ['geo/i18n/en.json: missing (English is the reference every locale is checked against)'];
  if (en.story) errors.push(`${enFile.file}: story: English has no story translations (its words are geo/ itself)`);
  const enShapes = new Map<string, Shape>();
  for (const [key, msg] of Object.entries(en.messages)) {
    const { shape, problems } = messageShape(msg, 'en');
    for (const p of problems) errors.push(`${enFile.file}: messages["${key}"]: ${p}`);
    enShapes.set(key, shape);
  }
  for (const f of files) {
    const cat = parsed.get(f.file);
    if (!cat || f.locale === 'en') continue;
    for (const key of enShapes.keys()) if (!(key in cat.messages)) errors.push(`${f.file}: messages["${key}"]: missing (English has it)`);
    for (const [key, msg] of Object.entries(cat.messages)) {
      const enShape = enShapes.get(key);
      if (!enShape) {
        errors.push(`${f.file}: messages["${key}"]: not in English (a key every locale must share)`);
        continue;
      }
      const { shape, problems } = messageShape(msg, f.locale);
      for (const p of problems) errors.push(`${f.file}: messages["${key}"]: ${p}`);
      if (!problems.length && fmtShape(shape) !== fmtShape(enShape))
        errors.push(`${f.file}: messages["${key}"]: placeholders ${fmtShape(shape)} differ from English's ${fmtShape(enShape)}`);
    }
    if (story && isLocale(f.locale)) errors.push(...checkStoryText(f.file, cat.story ?? {}, story, complete));
  }
  if (story && quotes) {
    const translations = files.filter((f) => f.locale !== 'en' && parsed.has(f.file)).map((f) => ({ file: f.file, story: parsed.get(f.file)!.story ?? {} }));
    errors.push(...checkQuotes(quotes.file, quotes.data, story, translations));
  }
  return errors;
}

/** The quotations register against the English story, and the originals kept in every translation. */
export function checkQuotes(
  file: string,
  data: unknown,
  story: StoryWords,
  translations: { file: string; story: NonNullable<CatalogueFileData['story']> }[],
): string[] {
  const r = QuotesFile.safeParse(data);
  if (!r.success) return r.error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
  const errors: string[] = [];
  const key = (kind: string, id: string, field: string, text: string) => `${kind}["${id}"].${field}: “${text}”`;
  const listed = new Map(r.data.quotes.map((q) => [key(q.kind, q.id, q.field, q.text), q]));
  const inEnglish = new Set<string>();
  for (const kind of Object.keys(STORY_FIELDS) as StoryKind[])
    for (const [id, fields] of story[kind])
      for (const [field, text] of Object.entries(fields)) for (const m of text.matchAll(/“([^”]*)”/g)) inEnglish.add(key(kind, id, field, m[1]!));
  for (const k of inEnglish)
    if (!listed.has(k)) errors.push(`${file}: ${k}: a quotation in the English that is not listed (say whose words and in which language)`);
  for (const [k, q] of listed) {
    if (!inEnglish.has(k)) {
      errors.push(`${file}: ${k}: not a quotation in the English of that field`);
      continue;
    }
    if (q.words !== 'original') continue;
    if (!q.lang) errors.push(`${file}: ${k}: an original needs the language it was said in (lang)`);
    for (const t of translations) {
      const tr = t.story[q.kind]?.[q.id]?.[q.field];
      if (tr !== undefined && !tr.includes(`“${q.text}”`))
        errors.push(`${t.file}: story.${k}: the original words must stay as said, in “ ”, with the translation beside them`);
    }
  }
  return errors;
}

function checkStoryText(file: string, text: NonNullable<CatalogueFileData['story']>, story: StoryWords, complete: boolean): string[] {
  const errors: string[] = [];
  for (const kind of Object.keys(STORY_FIELDS) as StoryKind[]) {
    const given = text[kind] ?? {};
    const words = story[kind];
    for (const [id, fields] of Object.entries(given)) {
      const en = words.get(id);
      if (!en) {
        errors.push(`${file}: story.${kind}["${id}"]: no such ${kind.slice(0, -1)} in geo/`);
        continue;
      }
      for (const [field, tr] of Object.entries(fields)) {
        const english = en[field];
        if (english === undefined) {
          errors.push(`${file}: story.${kind}["${id}"].${field}: the English has no ${field} to translate`);
          continue;
        }
        const a = factsOf(english),
          b = factsOf(tr);
        const lost = [...a].filter((x) => !b.has(x)),
          added = [...b].filter((x) => !a.has(x));
        if (lost.length || added.length)
          errors.push(
            `${file}: story.${kind}["${id}"].${field}: numbers and times differ from English's (${[...lost.map((x) => `lost ${x}`), ...added.map((x) => `added ${x}`)].join(', ')})`,
          );
      }
    }
    if (complete)
      for (const [id, fields] of words)
        for (const field of Object.keys(fields))
          if (given[id]?.[field] === undefined) errors.push(`${file}: story.${kind}["${id}"].${field}: missing (English has it)`);
  }
  return errors;
}
