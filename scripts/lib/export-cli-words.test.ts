/** The export command's own words in --lang (scripts/lib/export-png.ts, cliTranslator). */
import { describe, expect, it } from 'vitest';
import { cliTranslator } from './export-png';

describe('npm run export: what the command says about the picture, in its language', () => {
  it('says the outcome in the language, English for English and for anything else', () => {
    expect(cliTranslator('ru')('export.cli.failed', { error: 'x' })).toBe('Экспорт не удался: x');
    expect(cliTranslator('kk')('export.cli.notReturned', { format: 'PDF' })).toBe('браузер PDF файлын қайтармады.');
    expect(cliTranslator('az')('export.cli.wrote', { file: 'a.png', size: '1080 × 1080 piksel', bytes: '1.0 kB', seconds: '2.0' })).toBe(
      'a.png yazıldı: 1080 × 1080 piksel, 1.0 kB (2.0 san.)',
    );
    expect(cliTranslator('en')('export.cli.wrote', { file: 'a.png', size: '1080 × 1080 px', bytes: '1.0 kB', seconds: '2.0' })).toBe(
      'Wrote a.png: 1080 × 1080 px, 1.0 kB (2.0 s)',
    );
    expect(cliTranslator('xx')('export.cli.failed', { error: 'x' })).toBe('The export failed: x');
  });
});
