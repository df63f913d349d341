import { describe, expect, it } from 'vitest';
import { checkChangelogText, entryKeys } from './changelog-text';
import type { Changelog } from './changelog';

const log: Changelog = {
  entries: [
    { date: '2026-12-02', what: 'Widened the ring at 04:25 UTC from 110 km to 135 km.', why: 'Described as “just crossed into Russia”.' },
    { date: '2026-12-02', what: 'Stored the areas as polygons.', why: 'Real geometry.' },
    { date: '2026-11-21', what: 'First publication.', why: 'First version.' },
  ],
};
const meta = { locale: 'ru', translator: 'Machine translation.', reviewed: false };
const good = {
  '2026-12-02#2': { what: 'Расширили кольцо в 04:25 UTC со 110 км до 135 км.', why: 'Описана как “just crossed into Russia”.' },
  '2026-12-02#1': { what: 'Зоны хранятся как многоугольники.', why: 'Настоящая геометрия.' },
  '2026-11-21#1': { what: 'Первая публикация.', why: 'Первая версия.' },
};
const check = (entries: object) => checkChangelogText('geo/i18n/changelog-ru.json', { meta, entries }, log, 'ru');

describe('the log in other languages', () => {
  it('keys entries by date and their place from the oldest of that date, so a new entry on top moves no key', () => {
    expect(entryKeys(log)).toEqual(['2026-12-02#2', '2026-12-02#1', '2026-11-21#1']);
    expect(entryKeys({ entries: [{ ...log.entries[0]! }, ...log.entries] })).toEqual(['2026-12-02#3', '2026-12-02#2', '2026-12-02#1', '2026-11-21#1']);
  });
  it('passes a complete translation that keeps numbers, times and quotes', () => expect(check(good)).toEqual([]));
  it('fails on a missing entry, an unknown one, a changed number or time, a translated quote, a missing file', () => {
    const { '2026-11-21#1': _, ...missing } = good;
    expect(check(missing)).toEqual(['geo/i18n/changelog-ru.json: entries["2026-11-21#1"]: missing (geo/changelog.json has it)']);
    expect(check({ ...good, '2026-12-03#1': good['2026-11-21#1'] })).toEqual([
      'geo/i18n/changelog-ru.json: entries["2026-12-03#1"]: no such entry in geo/changelog.json',
    ]);
    expect(check({ ...good, '2026-12-02#2': { ...good['2026-12-02#2'], what: 'Расширили кольцо в 04:26 UTC со 110 км до 135 км.' } })).toEqual([
      'geo/i18n/changelog-ru.json: entries["2026-12-02#2"].what: numbers and times differ from English\'s (lost 04:25, added 04:26)',
    ]);
    expect(check({ ...good, '2026-12-02#2': { ...good['2026-12-02#2'], why: 'Описана как «только что пересекла границу России».' } })).toEqual([
      'geo/i18n/changelog-ru.json: entries["2026-12-02#2"].why: the quoted words “just crossed into Russia” must stay as in English',
    ]);
    expect(checkChangelogText('geo/i18n/changelog-ru.json', undefined, log, 'ru')).toEqual([
      "geo/i18n/changelog-ru.json: missing (every translated locale needs the log's entries)",
    ]);
  });
});
