import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { matchLocale, negotiate } from './locales';
import { createTranslator, formatSimple, type Catalogue } from './messages';
import { IntlMessageFormat } from 'intl-messageformat';
import { checkCatalogues, factsOf, type CheckInput } from './check';
import { pseudoAst, pseudoText } from './pseudo';
import { msg, msgOr, useLocale } from './index';

const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue & { messages: Record<string, string> };
const files = (): CheckInput[] => (['en', 'ru', 'az', 'kk'] as const).map((locale) => ({ file: `geo/i18n/${locale}.json`, locale, data: read(locale) }));

const EN = read('en');

describe('negotiate: ?lang=, then the browser, then English', () => {
  it('takes the URL first', () => expect(negotiate('ru', ['kk-KZ'])).toEqual({ locale: 'ru', from: 'url' }));
  it('reads region and script subtags', () => {
    expect(matchLocale('az-Latn-AZ')).toBe('az');
    expect(matchLocale('kk_KZ')).toBe('kk');
    expect(matchLocale('RU')).toBe('ru');
    expect(matchLocale('de-DE')).toBeUndefined();
  });
  it('then the first browser language we speak', () => expect(negotiate(null, ['de-DE', 'kk-KZ', 'ru'])).toEqual({ locale: 'kk', from: 'browser' }));
  it('else English', () => expect(negotiate(null, ['de', 'fr'])).toEqual({ locale: 'en', from: 'default' }));
  it('an unknown ?lang= gives English and names the value, whatever the browser says', () =>
    expect(negotiate('xx', ['ru'])).toEqual({ locale: 'en', from: 'default', unknown: 'xx' }));
  it('the pseudo-locale only by URL', () => {
    expect(negotiate('en-XA', []).locale).toBe('en-XA');
    expect(negotiate(null, ['en-XA']).locale).toBe('en');
  });
});

describe('messages', () => {
  const days = (l: 'en' | 'ru' | 'az' | 'kk', n: number) => createTranslator(l, read(l))('panel.daysAfter', { days: n });
  it('English plurals', () => {
    expect(days('en', 1)).toBe('1 day after the crash');
    expect(days('en', 2)).toBe('2 days after the crash');
  });
  it('Russian plurals: one, few, many', () => {
    expect(days('ru', 1)).toBe('1 день после крушения');
    expect(days('ru', 21)).toBe('21 день после крушения');
    expect(days('ru', 3)).toBe('3 дня после крушения');
    expect(days('ru', 5)).toBe('5 дней после крушения');
    expect(days('ru', 11)).toBe('11 дней после крушения');
    expect(days('ru', 112)).toBe('112 дней после крушения');
  });
  it('Kazakh plurals (one and other) and numbers in the locale', () => {
    expect(days('kk', 1)).toBe('апаттан кейін 1 күн өтті');
    expect(days('kk', 5)).toBe('апаттан кейін 5 күн өтті');
    expect(days('kk', 1200)).toMatch(/^апаттан кейін 1\s200 күн өтті$/u); // grouped as Kazakh groups thousands
  });
  it('a plain message is returned as it is; a missing key falls back to English, then to the key', () => {
    const ru = createTranslator('ru', { meta: read('ru').meta, messages: { 'page.h1': 'Заголовок' } }, EN);
    expect(ru('page.h1')).toBe('Заголовок');
    expect(ru('i18n.language')).toBe('Language');
    expect(ru('no.such.key')).toBe('no.such.key');
  });
  it('takes messages parsed at build time (the page has no parser)', () => {
    const tr = createTranslator('ru', { meta: read('ru').meta, messages: { x: parse(read('ru').messages['panel.daysAfter']!) } });
    expect(tr('x', { days: 4 })).toBe('4 дня после крушения');
  });
  it('a message of literals and plain arguments is written without the formatter, exactly as the formatter writes it', () => {
    let simple = 0;
    for (const l of ['en', 'ru', 'az', 'kk'] as const) {
      for (const [key, m] of Object.entries(read(l).messages)) {
        const ast = parse(m);
        const names = [...m.matchAll(/\{\s*([A-Za-z]\w*)\s*[},]/g)].map((x) => x[1]!);
        // Each select's options in turn (and a value none names); plain arguments as text and as numbers.
        for (const pick of ['1', '5', '12', 'yes', 'no', 'none', 7]) {
          const values = Object.fromEntries(names.map((n, i) => [n, /select/.test(m) ? pick : i % 2 ? 1234.5 : `<${n}>`]));
          const fast = formatSimple(ast, values);
          if (fast === undefined) continue;
          simple++;
          expect(fast, `${l} ${key} ${pick}`).toBe(String(new IntlMessageFormat(ast, l).format(values)));
        }
      }
    }
    expect(simple).toBeGreaterThan(100);
    expect(formatSimple(parse(EN.messages['date.day']!), { day: '25', month: '12', year: '2024' })).toBe('25 Dec 2024');
    const ast = parse('{n} of {total}');
    expect(formatSimple(ast, { n: 3 })).toBeUndefined(); // a missing value: the formatter throws, naming it
    expect(formatSimple(ast, { n: 3, total: new Date(0) })).toBeUndefined();
    expect(formatSimple(parse('{n, plural, one {# day} other {# days}}'), { n: 1 })).toBeUndefined();
    expect(formatSimple(parse('{n, number}'), { n: 1 })).toBeUndefined();
  });
  it('the page translator switches locale', () => {
    useLocale('ru', read('ru'));
    expect(msg('i18n.language')).toBe('Язык');
    useLocale('en', EN);
    expect(msg('i18n.language')).toBe('Language');
  });
  it('msgOr: the message in the language, else (no catalogue could be loaded) the English given, never the key', () => {
    useLocale('ru', read('ru'));
    expect(msgOr('app.storyFailed', 'The story data could not be read')).toBe(read('ru').messages['app.storyFailed']);
    expect(msgOr('app.storyFailed', 'x')).toMatch(/^Не удалось прочитать данные/);
    useLocale('en', { meta: EN.meta, messages: {} });
    expect(msgOr('app.storyFailed', 'The story data could not be read')).toBe('The story data could not be read');
    useLocale('en', EN);
    expect(msgOr('app.storyFailed', 'x')).toBe(EN.messages['app.storyFailed']);
  });
});

describe('catalogue checks (npm run validate)', () => {
  it('the shipped catalogues pass, story translations included', async () => {
    const { validateStoryDir } = await import('../../scripts/lib/story-files');
    const { storyWords } = await import('./story-text');
    const r = validateStoryDir('.');
    expect(r.ok).toBe(true);
    expect(checkCatalogues(files(), storyWords((r as { story: Parameters<typeof storyWords>[0] }).story))).toEqual([]);
  });
  it('a missing key, an extra key, a renamed placeholder, a plural that is no longer one', () => {
    const f = files();
    const ru = f[1]!.data as Catalogue & { messages: Record<string, string> };
    delete ru.messages['page.h1'];
    ru.messages['page.extra'] = 'Лишнее';
    ru.messages['i18n.unknownLang'] = 'Язык {lang} недоступен';
    ru.messages['panel.daysAfter'] = '{days} дней';
    const kk = f[3]!.data as Catalogue & { messages: Record<string, string> };
    kk.messages['panel.laterAccounts'] = '{count, plural, one {#} other {#}';
    expect(checkCatalogues(f)).toEqual([
      'geo/i18n/ru.json: messages["page.h1"]: missing (English has it)',
      'geo/i18n/ru.json: messages["i18n.unknownLang"]: placeholders {lang: argument} differ from English\'s {value: argument}',
      'geo/i18n/ru.json: messages["panel.daysAfter"]: placeholders {days: argument} differ from English\'s {days: plural}',
      'geo/i18n/ru.json: messages["page.extra"]: not in English (a key every locale must share)',
      'geo/i18n/kk.json: messages["panel.laterAccounts"]: not ICU MessageFormat (EXPECT_ARGUMENT_CLOSING_BRACE)',
    ]);
  });
  it('plural forms per language: Russian needs few and many, Kazakh has no few', () => {
    const f = files();
    (f[1]!.data as { messages: Record<string, string> }).messages['panel.daysAfter'] = '{days, plural, one {# день} other {# дня}}';
    (f[3]!.data as { messages: Record<string, string> }).messages['panel.daysAfter'] = '{days, plural, one {# күн} few {# күн} other {# күн}}';
    expect(checkCatalogues(f)).toEqual([
      'geo/i18n/ru.json: messages["panel.daysAfter"]: plural "days" lacks the case(s) few, many this language needs',
      'geo/i18n/kk.json: messages["panel.daysAfter"]: plural "days" has case(s) few that this language does not use (it uses one, other)',
    ]);
  });
  it('metadata says who translated and whether an editor reviewed it', () => {
    const f = files();
    delete (f[2]!.data as { meta: Record<string, unknown> }).meta.reviewed;
    expect(checkCatalogues(f)).toEqual(['geo/i18n/az.json: meta.reviewed: Invalid input: expected boolean, received undefined']);
  });
  it('story translations name only what geo/ has', () => {
    const f = files();
    (f[1]!.data as Catalogue).story = { events: { 'no-such': { title: 'x' }, takeoff: { colour: 'x' } } };
    delete (f[2]!.data as Catalogue).story;
    delete (f[3]!.data as Catalogue).story;
    const words = { events: new Map([['takeoff', { title: 'Take-off from Baku', text: '…' }]]), disputes: new Map(), accounts: new Map(), features: new Map() };
    expect(checkCatalogues(f, words)).toEqual([
      'geo/i18n/ru.json: story.events["no-such"]: no such event in geo/',
      'geo/i18n/ru.json: story.events["takeoff"].colour: the English has no colour to translate',
    ]);
    expect(checkCatalogues(f, words, { complete: true })).toContain('geo/i18n/ru.json: story.events["takeoff"].title: missing (English has it)');
  });
  it('the shipped story is complete in every locale, keeps its numbers and its original quotations', async () => {
    const { validateCatalogues } = await import('../../scripts/lib/i18n-files');
    expect(validateCatalogues('.')).toEqual([]);
  });
  it("a translation keeps the English's numbers and times, written its own way", () => {
    expect([...factsOf('30,000 ft at 05:13:31, 5.7 km, 2 s')].sort()).toEqual([...factsOf('30 000 футов в 05:13:31, 5,7 км, 2 с')].sort());
    const f = files();
    (f[1]!.data as Catalogue).story = { events: { takeoff: { text: 'Вылет в 03:56 UTC, 62 пассажира' } } };
    delete (f[2]!.data as Catalogue).story;
    delete (f[3]!.data as Catalogue).story;
    const words = {
      events: new Map([['takeoff', { text: 'Departure at 03:55 UTC with 62 passengers' }]]),
      disputes: new Map(),
      accounts: new Map(),
      features: new Map(),
    };
    expect(checkCatalogues(f, words)).toEqual([
      'geo/i18n/ru.json: story.events["takeoff"].text: numbers and times differ from English\'s (lost 03:55, added 03:56)',
    ]);
  });
  it('every quotation is registered, and an original stays in its language in every translation', () => {
    const f = files();
    (f[1]!.data as Catalogue).story = { events: { a: { text: 'Время помечено «нужен источник получше».' } } };
    (f[2]!.data as Catalogue).story = { events: { a: { text: 'Vaxt “better source needed” (“daha yaxşı mənbə lazımdır”) kimi işarələnib.' } } };
    delete (f[3]!.data as Catalogue).story;
    const words = {
      events: new Map([['a', { text: 'The time is flagged “better source needed”, said “two seats exploded”.' }]]),
      disputes: new Map(),
      accounts: new Map(),
      features: new Map(),
    };
    const quotes = { about: '', quotes: [{ kind: 'events', id: 'a', field: 'text', text: 'better source needed', words: 'original', lang: 'en' }] };
    expect(checkCatalogues(f, words, { quotes: { file: 'q.json', data: quotes } })).toEqual([
      'q.json: events["a"].text: “two seats exploded”: a quotation in the English that is not listed (say whose words and in which language)',
      'geo/i18n/ru.json: story.events["a"].text: “better source needed”: the original words must stay as said, in “ ”, with the translation beside them',
    ]);
  });
});

describe('pseudo-locale', () => {
  it('accents every letter and is about 40 % longer, keeping placeholders and plurals', () => {
    const s = 'Open the full map, with every source';
    const p = pseudoText(s);
    expect(p.length / s.length).toBeGreaterThanOrEqual(1.35);
    expect(p.length / s.length).toBeLessThanOrEqual(1.5);
    expect(p).toMatch(/^Óþéñ ţĥé ƒúļļ ɱáþ/);
    const tr = createTranslator('en', { meta: EN.meta, messages: { x: pseudoAst(parse((EN.messages as Record<string, string>)['panel.daysAfter']!)) } });
    expect(tr('x', { days: 3 })).toMatch(/^3 ðáýš áƒţéŕ ţĥé çŕášĥ/);
  });
});

describe('every word of every catalogue is in the shipped fonts (no fallback glyph)', async () => {
  const { fontCovers } = await import('../theme/fonts');
  for (const l of ['en', 'ru', 'az', 'kk'] as const)
    it(l, () => {
      const c = read(l);
      const texts = [...Object.values(c.messages), ...Object.values(c.story ?? {}).flatMap((items) => Object.values(items!).flatMap((f) => Object.values(f)))];
      const missing = new Set<string>();
      for (const s of texts) for (const ch of s) if (ch !== '→' && ch !== '⌘' && !fontCovers(ch.codePointAt(0)!)) missing.add(ch);
      expect([...missing]).toEqual([]);
    });
});

describe('a date that ends in an abbreviation’s full stop', () => {
  it.each(['en', 'ru', 'az', 'kk'] as const)('%s: no message puts a second full stop after it ("2 дек. 2026 г..")', (l) => {
    const { messages } = read(l);
    if (!/\.\s*$/.test(messages['date.day'] ?? '')) return;
    const doubled = Object.entries(messages).filter(([, m]) => /\{date\}\./.test(m));
    expect(doubled.map(([k]) => k)).toEqual([]);
  });
});
