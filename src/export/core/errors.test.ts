import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { ExportError } from './errors';

const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;

describe("ExportError: the failure's reason in the picture's language", () => {
  afterEach(() => useLocale('en', read('en')));

  it('is a catalogue message, with its values, in each locale', () => {
    expect(new ExportError('export.error.canvas', { width: 7680, height: 4320 }).message).toBe(
      'This browser cannot make a 7680 × 4320 px picture: try a smaller scale.',
    );
    useLocale('ru', read('ru'));
    const e = new ExportError('export.error.canvas', { width: 7680, height: 4320 });
    expect(e.message).toBe('Этот браузер не может создать изображение 7680 × 4320 пкс: выберите масштаб поменьше.');
    expect(e.key).toBe('export.error.canvas');
    useLocale('az', read('az'));
    expect(new ExportError('export.error.basemap').message).toBe('Əsas xəritəni yükləmək mümkün olmadı.');
    useLocale('kk', read('kk'));
    expect(new ExportError('export.error.timeoutPart', { part: 2, total: 4, seconds: 60 }).message).toBe(
      'Картаның 4 бөлігінің 2-бөлігі 60 с ішінде салынып бітпеді.',
    );
  });

  it('a developer’s bad request keeps its (English) words', () => {
    useLocale('ru', read('ru'));
    expect(new ExportError(null, 'Unknown export option: foo.').message).toBe('Unknown export option: foo.');
  });

  it('the export code throws no English sentence: every ExportError is a key (or a request error, passed through)', () => {
    const dir = 'src/export';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/new ExportError\(\s*([^,)]*)/g)) {
        const arg = m[1]!.trim();
        if (!/^'export\.(error\.[a-zA-Z]+|cancelled)'$/.test(arg) && arg !== 'null' && !/^what === 'basemap' \?/.test(arg) && !/^what \?/.test(arg))
          bad.push(`${f}: ${arg}`);
      }
      if (/super\(`/.test(src) && /extends ExportError/.test(src)) bad.push(`${f}: a subclass with an English sentence`);
    }
    expect(bad).toEqual([]);
    expect(files.length).toBeGreaterThan(5);
  });
});
