import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { FONT_SUBSETS, FONT_WEIGHTS, fontCovers, fontFile, subsetsFor } from './fonts';

describe('shipped fonts', () => {
  it('every subset and weight is a file in public/; the page CSS declares latin with its unicode-range, and only latin', () => {
    // Compared without white space: the formatter may wrap a long unicode-range.
    const css = readFileSync('src/styles/app.css', 'utf8').replace(/\s+/g, '');
    for (const s of FONT_SUBSETS)
      for (const w of FONT_WEIGHTS) {
        expect(existsSync(`public/${fontFile(s.name, w)}`), fontFile(s.name, w)).toBe(true);
        const rule = `font-weight: ${w}; font-display: swap; src: url('/${fontFile(s.name, w)}') format('woff2'); unicode-range: ${s.unicodeRange};`;
        if (s.name === 'latin') expect(css).toContain(rule.replace(/\s+/g, ''));
        else expect(css).not.toContain(fontFile(s.name, w));
      }
  });
  it('cover Azerbaijani Latin and Kazakh Cyrillic, and Russian', () => {
    for (const ch of 'əƏğĞıİöÖşŞçÇüÜ' + 'әӘғҒқҚңҢөӨұҰүҮһҺіІ' + 'ёЁйЙщЩъЪ№') expect(fontCovers(ch.codePointAt(0)!), ch).toBe(true);
    expect(fontCovers('≈'.codePointAt(0)!)).toBe(false);
  });
  it('an English text needs only latin; Azerbaijani latin-ext; Kazakh both Cyrillic subsets', () => {
    expect(subsetsFor('How flight J2-8243 was lost')).toEqual(['latin']);
    expect(subsetsFor('Qəza günü')).toEqual(['latin', 'latin-ext']);
    expect(subsetsFor('Ақтау')).toEqual(['cyrillic', 'cyrillic-ext']);
  });
});
