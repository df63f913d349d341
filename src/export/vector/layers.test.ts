import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { layerLabel } from './model';

const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;

describe("the SVG's and PDF's layer names in the reader's language", () => {
  afterEach(() => useLocale('en', read('en')));
  it('a layer is named from the catalogue; its id stays ASCII', () => {
    expect(layerLabel('planned-route')).toBe('Planned route');
    useLocale('kk', read('kk'));
    expect(layerLabel('planned-route')).toBe('Жоспарланған бағыт');
    useLocale('az', read('az'));
    expect(layerLabel('strike-area')).toBe('Zərbə sahəsi');
  });
  it('no layer in the vector code is named by an English literal', () => {
    const dir = 'src/export/vector';
    const bad: string[] = [];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')))
      for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/\bgroup\(\s*[^,]+,\s*(['`][^'`]*['`])/g)) bad.push(`${f}: ${m[1]}`);
    expect(bad).toEqual([]);
  });
});
