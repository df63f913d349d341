/**
 * The page by keyboard and for assistive technology: Tab reaches the title block, the map and the timeline in
 * reading order with a visible focus ring; an open dialog keeps focus inside and gives it back; every control has
 * a name in each language, in the page and in the embed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useApp } from '../support/app';

const app = useApp();

/** What has focus: its id or tag, whether it is inside an open dialog, and whether a focus ring shows. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { key: 'body', inDialog: false, ring: true };
    const ringOn = (x: Element | null) => {
      if (!x) return false;
      const cs = getComputedStyle(x);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
    };
    // The slider's ring goes round its group, the marks and the readout with it (app.css): its parent draws it.
    const ring = ringOn(e) || (e.matches('input[type="range"]') && ringOn(e.parentElement));
    return { key: e.id || e.getAttribute('aria-label') || e.tagName.toLowerCase(), inDialog: !!e.closest('dialog[open]'), ring };
  });

/** The lines of the page's accessibility tree that are controls with no name. */
async function namelessControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^- (button|combobox|slider|checkbox|radio|link|textbox)( \[[^\]]*\])*:?$/.test(l));
}

describe('keyboard and names', () => {
  it('Tab goes through the title block, the map and to the slider, each with a visible focus ring', async () => {
    const { page, close } = await app.open('?event=first-impact');
    const seen: { key: string; ring: boolean }[] = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      seen.push(f);
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'range')) break;
    }
    const keys = seen.map((s) => s.key);
    expect(keys.slice(0, 4)).toEqual(['skip-timeline', 'lang-select', 'embed-button', 'export-button']);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('range');
    expect(seen.filter((s) => !s.ring).map((s) => s.key)).toEqual([]);
    await close();
  });

  // Some 50 stops (the title block's buttons, the map's controls, every source link in the panel) stand before the
  // slider in the tab order, in the page and in the embed: the first Tab offers to skip them.
  for (const [q, viewport] of [
    ['?event=first-impact', { width: 1440, height: 900 }],
    ['?event=first-impact', { width: 360, height: 740 }],
    ['?lang=ru&event=first-impact&embed', { width: 640, height: 600 }],
  ] as const)
    it(`the first Tab shows "Skip to the timeline", and Enter takes the focus to the slider (${q}, ${viewport.width} px)`, async () => {
      const { page, close } = await app.open(q, viewport);
      await page.keyboard.press('Tab');
      const link = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const r = e.getBoundingClientRect();
        return { id: e.id, text: e.textContent, inView: r.width > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth };
      });
      const lang = q.includes('lang=ru') ? 'ru' : 'en';
      const text = JSON.parse(readFileSync(`geo/i18n/${lang}.json`, 'utf8')).messages['page.skipTimeline'];
      expect(link).toEqual({ id: 'skip-timeline', text, inView: true });
      expect((await focused(page)).ring).toBe(true);
      await page.keyboard.press('Enter');
      expect((await focused(page)).key).toBe('time-slider');
      expect(new URL(page.url()).hash).toBe(''); // the link's #fragment does not stick to the URL
      // Out of sight once it has lost the focus.
      expect(await page.evaluate(() => document.getElementById('skip-timeline')!.getBoundingClientRect().bottom <= 0)).toBe(true);
      await close();
    });

  // controls=0 hides the timeline; static shows none (a picture and the event list): no link to a slider not there.
  for (const q of ['?event=first-impact&embed&controls=0', '?embed&static&event=first-impact&lang=ru', '?static&event=first-impact'])
    it(`no skip link where there is no timeline (${q})`, async () => {
      const { page, close } = await app.open(q, { width: 640, height: 600 });
      expect(await page.locator('#time-slider').isVisible()).toBe(false);
      expect(await page.locator('#skip-timeline').isVisible()).toBe(false);
      expect(await page.locator('#skip-timeline').evaluate((a) => (a as HTMLElement).hidden)).toBe(true);
      await page.keyboard.press('Tab');
      expect((await focused(page)).key).not.toBe('skip-timeline');
      await close();
    });

  for (const [button, dialog] of [
    ['export-button', 'export-dialog'],
    ['embed-button', 'embed-dialog'],
  ] as const)
    it(`the ${dialog} keeps focus inside while open and gives it back to its button`, async () => {
      const { page, close } = await app.open('?event=first-impact', { width: 360, height: 740 });
      await page.focus(`#${button}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#${dialog}[open]`);
      expect((await focused(page)).inDialog).toBe(true);
      const outside: string[] = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        // 'body': focus left the page for the browser's own controls, as after a modal dialog's last control.
        if (!f.inDialog && f.key !== 'body') outside.push(f.key);
        expect(f.ring, f.key).toBe(true);
      }
      expect(outside).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await page.locator(`#${dialog}`).isVisible()).toBe(false);
      expect((await focused(page)).key).toBe(button);
      await close();
    });

  // The panel's body is built anew at each event: the "Next: …" just pressed is gone. The focus stays in the panel,
  // on the new "Next: …" (Enter again steps on), not on the page's start (it fell to <body>).
  it('"Next: …" in the panel steps to that event and keeps the focus on the panel\'s new "Next: …"', async () => {
    const { page, close } = await app.open('?event=first-impact');
    await page.focus('#panel .panel-next button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (window as unknown as { flightmap: { currentEventId(): string | undefined } }).flightmap.currentEventId() === 'second-impact',
    );
    expect(await page.evaluate(() => !!document.activeElement?.closest('#panel .panel-next') && document.activeElement?.tagName)).toBe('BUTTON');
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (window as unknown as { flightmap: { currentEventId(): string | undefined } }).flightmap.currentEventId() === 'bird-strike-call',
    );
    expect(await page.evaluate(() => !!document.activeElement?.closest('#panel'))).toBe(true);
    await close();
  });

  // A phone's embed has a 4:3 map (270 px at 360 px wide); the open legend is taller. It grew up past the map's top
  // and the page's (its heading at -114 px in Russian, out of reach); now it stays in the map and scrolls there.
  for (const lang of ['en', 'ru', 'kk'])
    it(`the legend opened in a phone's embed stays inside the map, its heading in view, and scrolls to its last line (${lang})`, async () => {
      const { page, close } = await app.open(`?lang=${lang}&event=bird-strike-call&embed`, { width: 360, height: 740 }, { hasTouch: true, isMobile: true });
      await page.tap('.legend summary');
      const box = () =>
        page.evaluate(() => {
          const lg = document.querySelector('.legend')!;
          const r = lg.getBoundingClientRect();
          const m = document.getElementById('map-wrap')!.getBoundingClientRect();
          const last = lg.querySelector('.legend-note')!.getBoundingClientRect();
          return {
            open: (lg as HTMLDetailsElement).open,
            inMap: r.top >= m.top && r.bottom <= m.bottom,
            top: r.top,
            lastBottom: last.bottom,
            bottom: r.bottom,
          };
        });
      const b = await box();
      expect(b.open).toBe(true);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.inMap).toBe(true);
      await page.evaluate(() => document.querySelector('.legend')!.scrollTo(0, 1e6));
      const c = await box();
      expect(c.lastBottom).toBeLessThanOrEqual(c.bottom + 1);
      // Once the reader has moved the map, "Follow the story" stands at the map's top left: the legend stops below it.
      await page.evaluate(() => (window as unknown as { flightmap: { dispatch(i: { type: 'gesture' }): void } }).flightmap.dispatch({ type: 'gesture' }));
      await page.waitForSelector('#follow-story');
      const f = await page.evaluate(() => [
        document.getElementById('follow-story')!.getBoundingClientRect().bottom,
        document.querySelector('.legend')!.getBoundingClientRect().top,
      ]);
      expect(f[1]).toBeGreaterThan(f[0]!);
      // Closed again by its heading, still in view.
      await page.tap('.legend summary');
      expect(await page.evaluate(() => (document.querySelector('.legend') as HTMLDetailsElement).open)).toBe(false);
      await close();
    });

  // The legend, opened over the map from its heading, closes on Escape as the popups and dialogs do (it did not), the
  // focus staying on its heading.
  it('Escape closes the legend opened from the keyboard, the focus on its heading', async () => {
    const { page, close } = await app.open('?event=first-impact', { width: 1280, height: 720 });
    await page.focus('.legend summary');
    expect(await page.evaluate(() => (document.querySelector('.legend') as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.querySelector('.legend') as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.querySelector('.legend') as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement === document.querySelector('.legend summary'))).toBe(true);
    expect((await focused(page)).ring).toBe(true);
    await close();
  });

  // Every name a screen reader hears in the page (a region's, a control's, a tooltip) is in the page's language: none
  // is an English message whose translation differs (the panel's region was "Current event" on every page). The
  // head's oEmbed link, which no reader hears, is the build's.
  for (const lang of ['ru', 'az', 'kk'])
    it(`no name in the page is left in English (${lang})`, async () => {
      const en: Record<string, string> = JSON.parse(readFileSync('geo/i18n/en.json', 'utf8')).messages;
      const tr: Record<string, string> = JSON.parse(readFileSync(`geo/i18n/${lang}.json`, 'utf8')).messages;
      const english = new Set(
        Object.keys(en)
          .filter((k) => !en[k]!.includes('{') && tr[k] !== en[k])
          .map((k) => en[k]!),
      );
      const { page, close } = await app.open(`?lang=${lang}&event=first-impact`, { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
      const names = await page.evaluate(() =>
        [...document.body.querySelectorAll('[aria-label], [title], [aria-valuetext]')].flatMap((e) =>
          ['aria-label', 'title', 'aria-valuetext'].map((a) => e.getAttribute(a)).filter((v): v is string => !!v),
        ),
      );
      expect(names.length).toBeGreaterThan(20);
      expect(names.filter((n) => english.has(n))).toEqual([]);
      await close();
      // MapLibre's popup names its close button itself ("Close popup"): the crash mark's popup says it in the page's language.
      const atCrash = await app.open(`?lang=${lang}&event=crash`);
      await atCrash.page.locator('.crash-mark').click();
      const x = atCrash.page.locator('.maplibregl-popup-close-button');
      await x.waitFor({ timeout: 5000 });
      expect(await x.getAttribute('aria-label')).toBe(tr['dialog.close']);
      await atCrash.close();
    });

  for (const lang of ['en', 'ru', 'az', 'kk'])
    it(`every control has a name (${lang}: page, open dialogs and embed)`, async () => {
      const { page, close } = await app.open(`?lang=${lang}&event=first-impact`);
      expect(await namelessControls(page)).toEqual([]);
      for (const [button, dialog] of [
        ['export-button', 'export-dialog'],
        ['embed-button', 'embed-dialog'],
      ]) {
        await page.click(`#${button}`);
        await page.waitForSelector(`#${dialog}[open]`);
        expect(await namelessControls(page), dialog).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await close();
      const embed = await app.open(`?lang=${lang}&event=first-impact&embed`, { width: 640, height: 600 });
      expect(await namelessControls(embed.page)).toEqual([]);
      await embed.close();
    });
});
