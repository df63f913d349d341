/**
 * A phone's page (360 × 740, touch, in en, ru, az, kk): every control tappable over at least 44 × 44 CSS px (proved
 * with elementFromPoint at the corners of a 44 px square round its centre, so a hit area larger than what is drawn
 * counts), the folded legend opened from anywhere in its pill, the scale bars' labels inside their boxes, and the map's
 * furniture (scale bars, popups) in the page's font, a popup's body showing that it scrolls.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from '../support/app';
import { decode, pixel } from '../support/pixels';

const app = useApp();
const PHONE = { hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const VIEW = { width: 360, height: 740 };
const LANGS = ['en', 'ru', 'az', 'kk'] as const;
/** The smallest tappable square, CSS px; the translation note's summary, a line of the title block, keeps to 24 (AA). */
const MIN = 44;
const MIN_BY: Record<string, number> = { '.translation-note summary': 24 };

/** Controls whose tappable square round their centre is smaller than their minimum: "name w×h" for each. */
function smallTargets(page: Page, sel: string): Promise<string[]> {
  return page.evaluate(
    ({ sel, MIN, MIN_BY }) => {
      const out: string[] = [];
      for (const e of document.querySelectorAll<HTMLElement>(sel)) {
        if (e.closest('dialog, .visually-hidden, .skip-link, [hidden]')) continue;
        let r = e.getBoundingClientRect();
        if (!(r.width > 0 && r.height > 0) || getComputedStyle(e).visibility === 'hidden') continue;
        if (r.top < 30 || r.bottom > innerHeight - 30) {
          e.scrollIntoView({ block: 'center', behavior: 'instant' });
          r = e.getBoundingClientRect();
        }
        const min = Object.entries(MIN_BY).find(([s]) => e.matches(s))?.[1] ?? MIN;
        // The square's corners, 2 px in (a hit area's corners may be rounded, as a button's 6 px are), and its sides' middles.
        const [half, corner] = [min / 2 - 0.5, min / 2 - 2];
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        const hits = [
          [cx - corner, cy - corner],
          [cx + corner, cy - corner],
          [cx - corner, cy + corner],
          [cx + corner, cy + corner],
          [cx, cy - half],
          [cx + half, cy],
          [cx, cy + half],
          [cx - half, cy],
        ].map(([x, y]) => {
          const at = document.elementFromPoint(x!, y!);
          return at && (at === e || e.contains(at)) ? '' : `${at?.tagName.toLowerCase()}.${at?.classList[0] ?? ''}`;
        });
        if (hits.some(Boolean)) {
          const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30);
          out.push(
            `${e.tagName.toLowerCase()}.${e.classList[0] ?? ''} "${name}" ${r.width.toFixed(1)}×${r.height.toFixed(1)} (want ${min}; missed for ${hits
              .map((h, i) => (h ? `${i}: ${h}` : ''))
              .filter(Boolean)
              .join(', ')})`,
          );
        }
      }
      return [...new Set(out)];
    },
    { sel, MIN, MIN_BY },
  );
}

describe('touch targets on a phone', () => {
  for (const lang of LANGS)
    it(`every button, select and summary is tappable over ${MIN} × ${MIN} CSS px at 360 × 740 (${lang})`, async () => {
      const { page, close } = await app.open(`?lang=${lang}&event=crash`, VIEW, PHONE);
      try {
        expect(await page.locator('.crash-mark').count()).toBe(1);
        expect(await smallTargets(page, 'button, select, summary, a.tool-button, [role="button"]')).toEqual([]);
        // The crash site's popup: its close button too (it may be drawn smaller, its hit area 44).
        await page.evaluate(() => scrollTo(0, 0));
        await page.locator('.crash-mark').focus();
        await page.keyboard.press('Enter');
        await page.locator('.maplibregl-popup .feature-info').waitFor({ timeout: 5000 });
        expect(await smallTargets(page, '.maplibregl-popup-close-button')).toEqual([]);
        await page.locator('.maplibregl-popup-close-button').tap();
        await page.locator('.maplibregl-popup').waitFor({ state: 'detached', timeout: 5000 });
      } finally {
        await close();
      }
    });

  it('the row of five transport buttons and the speed fits 320 px, each at least 24 wide and 44 tall', async () => {
    const { page, close } = await app.open('?lang=kk', { width: 320, height: 640 }, PHONE);
    try {
      const r = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.buttons > *')].map((e) => e.getBoundingClientRect());
        return {
          tops: new Set(boxes.map((b) => Math.round(b.top))).size,
          right: Math.max(...boxes.map((b) => b.right)),
          w: Math.min(...boxes.map((b) => b.width)),
          h: Math.min(...boxes.map((b) => b.height)),
        };
      });
      expect(r.tops, 'one row').toBe(1);
      expect(r.right).toBeLessThanOrEqual(320);
      expect(r.w).toBeGreaterThanOrEqual(24);
      expect(r.h).toBeGreaterThanOrEqual(44);
    } finally {
      await close();
    }
  });

  it('the folded legend opens from a tap anywhere in its pill, its edge too', async () => {
    const { page, close } = await app.open('?lang=ru', VIEW, PHONE);
    try {
      const legend = page.locator('.legend');
      const b = (await legend.boundingBox())!;
      expect(await legend.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
      await page.touchscreen.tap(b.x + b.width - 3, b.y + b.height - 3);
      await expect.poll(() => legend.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('the map’s furniture in the page’s words and font', () => {
  for (const width of [360, 390])
    it(`the scale bars' labels stay inside their boxes at every zoom, in the page's font, in four languages (${width} px)`, async () => {
      for (const lang of LANGS) {
        const { page, close } = await app.open(`?lang=${lang}`, { width, height: 740 }, PHONE);
        try {
          const r = await page.evaluate(async () => {
            const map = (window as any).flightmap.mapLife.current().map;
            const page = getComputedStyle(document.documentElement).fontFamily;
            const out: string[] = [];
            const labels = new Set<string>();
            for (let z = 3; z <= 11; z += 0.5) {
              map.jumpTo({ zoom: z });
              for (const el of document.querySelectorAll<HTMLElement>('.maplibregl-ctrl-scale')) {
                const box = el.getBoundingClientRect();
                const range = document.createRange();
                range.selectNodeContents(el.querySelector('.scale-label') ?? el);
                const t = range.getBoundingClientRect();
                labels.add(el.textContent ?? '');
                if (t.left < box.left - 0.5 || t.right > box.right + 0.5 || t.top < box.top - 0.5 || t.bottom > box.bottom + 0.5)
                  out.push(`"${el.textContent}" text ${t.left.toFixed(0)}–${t.right.toFixed(0)} in box ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
                if (getComputedStyle(el).fontFamily !== page) out.push(`"${el.textContent}" in ${getComputedStyle(el).fontFamily}`);
              }
            }
            return { out: [...new Set(out)], labels: labels.size };
          });
          expect(r.labels, 'several lengths seen').toBeGreaterThan(6);
          expect(r.out, lang).toEqual([]);
        } finally {
          await close();
        }
      }
    });

  it('a feature’s popup is in the page’s font and shows that its body scrolls (ru, 360 px)', async () => {
    const { page, close } = await app.open('?lang=ru&event=crash', VIEW, PHONE);
    try {
      await page.locator('.crash-mark').focus();
      await page.keyboard.press('Enter');
      const body = page.locator('.maplibregl-popup .popup-body');
      await body.waitFor({ timeout: 5000 });
      const fonts = await page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).fontFamily,
        popup: getComputedStyle(document.querySelector('.maplibregl-popup .feature-info')!).fontFamily,
      }));
      expect(fonts.popup).toBe(fonts.page);
      expect(fonts.popup).toMatch(/^"Noto Sans"/);
      // Squeeze the body so that it scrolls whatever the popup's room (the story's words may change).
      await body.evaluate((e) => {
        e.style.maxHeight = '120px';
        e.scrollTop = 0;
      });
      expect(await body.evaluate((e) => e.scrollHeight > e.clientHeight + 20)).toBe(true);
      // The body's bottom edge: a shadow while more text is below, the page's colour once scrolled to its end.
      const edge = async () => {
        const b = (await body.boundingBox())!;
        const png = decode(await page.screenshot({ clip: { x: b.x + b.width * 0.3, y: b.y + b.height - 4, width: b.width * 0.4, height: 3 } }));
        let sum = 0;
        for (let x = 0; x < png.width; x++) for (let y = 0; y < png.height; y++) sum += pixel(png, x, y).reduce((a, c) => a + c, 0) / 3;
        return sum / (png.width * png.height);
      };
      // Compare over blank space: mid-line text would darken the edge either way, so blank the text's colour.
      await body.evaluate((e) => (e.style.color = 'transparent'));
      await body.evaluate((e) => e.querySelectorAll('*').forEach((c) => ((c as HTMLElement).style.color = 'transparent')));
      const more = await edge();
      await body.evaluate((e) => (e.scrollTop = e.scrollHeight));
      await page.waitForTimeout(50);
      const end = await edge();
      expect(end - more, `the bottom edge's lightness: ${more.toFixed(1)} with more below, ${end.toFixed(1)} at the end`).toBeGreaterThan(15);
      // Still scrolled by the keyboard: the body takes the focus.
      await body.evaluate((e) => (e.scrollTop = 0));
      await body.focus();
      await page.keyboard.press('PageDown');
      await expect.poll(() => body.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
