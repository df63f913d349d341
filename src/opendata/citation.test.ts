import { describe, expect, it } from 'vitest';
import { citationText, datasetTitle, momentUrl } from './citation';
import { useLocale } from '../i18n';
import { readFileSync } from 'node:fs';

describe('citation', () => {
  it('names publisher, title, version, the data’s date and the URL of the moment', () => {
    const url = momentUrl('https://news.example/maps/j2-8243/?embed&dark=1#x', { t: Date.parse('2024-12-25T05:13:31Z'), event: 'first-impact' });
    expect(url).toBe('https://news.example/maps/j2-8243/?event=first-impact');
    expect(citationText({ publisher: 'Example News', title: 'How flight J2-8243 was lost', version: '1.2.3', updated: '2026-11-21', url })).toBe(
      'Example News. “How flight J2-8243 was lost.” Interactive map, version 1.2.3, data as of 21 Nov 2026. https://news.example/maps/j2-8243/?event=first-impact',
    );
  });
  it('names the language it was cited in, when not English', () => {
    const m = { t: Date.parse('2024-12-25T05:13:31Z'), event: 'first-impact' };
    expect(momentUrl('https://news.example/j2/', m, 'ru')).toBe('https://news.example/j2/?event=first-impact&lang=ru');
    expect(momentUrl('https://news.example/j2/', m, 'en')).toBe('https://news.example/j2/?event=first-impact');
  });
  it('a moment between events is cited by its UTC time', () => {
    expect(momentUrl('https://news.example/j2/', { t: Date.parse('2024-12-25T05:00:00Z') })).toBe('https://news.example/j2/?t=2024-12-25T05:00:00Z');
  });
  it('gives the title in the language cited in: English’s own, else the catalogue’s', () => {
    const en = 'How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024';
    const read = (l: string) => JSON.parse(readFileSync(new URL(`../../geo/i18n/${l}.json`, import.meta.url), 'utf8'));
    try {
      expect(datasetTitle(en, 'en')).toBe(en);
      useLocale('ru', read('ru'), read('en'));
      const ru = datasetTitle(en, 'ru');
      expect(ru).not.toBe(en);
      expect(ru).toContain('J2-8243');
      expect(ru).toMatch(/[А-Яа-я]/);
    } finally {
      useLocale('en', read('en'));
    }
  });
});
