import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import { routeShapeFor } from '../embed/lifecycle';
import { NARROW_MAX_WIDTH, NARROW_MEDIA, ROUTE_PICTURE, routeFile } from './build-info';

const root = resolve(import.meta.dirname, '../..');

describe('the route picture', () => {
  it('is named by language and design: route.png, route-ru.png; route-narrow.png, route-narrow-ru.png', () => {
    expect(routeFile('en')).toBe('route.png');
    expect(routeFile('ru')).toBe('route-ru.png');
    expect(routeFile('en', 'narrow')).toBe('route-narrow.png');
    expect(routeFile('kk', 'narrow')).toBe('route-narrow-kk.png');
    // The pseudo-locale and an unknown language use English's.
    expect(routeFile('en-XA', 'narrow')).toBe('route-narrow.png');
    expect(routeFile('xx')).toBe('route.png');
  });

  it('has both designs committed in every language (npm run images)', () => {
    for (const l of LOCALES)
      for (const shape of ['wide', 'narrow'] as const) expect(existsSync(resolve(root, 'public', routeFile(l, shape))), routeFile(l, shape)).toBe(true);
  });

  it('the narrow one is portrait, for phone-width boxes (up to 600 CSS px)', () => {
    expect(ROUTE_PICTURE.wide).toEqual({ width: 1920, height: 1080 });
    expect(ROUTE_PICTURE.narrow.height).toBeGreaterThan(ROUTE_PICTURE.narrow.width);
    expect(NARROW_MEDIA).toBe(`(max-width: ${NARROW_MAX_WIDTH}px)`);
  });

  it("index.html's <picture>s name the narrow design, its size and the width it is for, as build-info says", () => {
    const html = readFileSync(resolve(root, 'index.html'), 'utf8');
    const { width, height } = ROUTE_PICTURE.narrow;
    const source = `<source media="${NARROW_MEDIA}" srcset="${routeFile('en', 'narrow')}" width="${width}" height="${height}" />`;
    expect(html.split(source).length - 1).toBe(2); // the static figure and the no-script picture
    expect(html.match(/<img [^>]*src="route\.png"[^>]*width="1920" height="1080"/g)?.length).toBe(2);
  });

  it('in a box of its own (the embed poster), the design that fills more of it: the wide one in 4:3, the narrow one upright', () => {
    expect(routeShapeFor({ width: 360, height: 270 })).toBe('wide'); // the embed's map box on a phone
    expect(routeShapeFor({ width: 696, height: 435 })).toBe('wide');
    expect(routeShapeFor({ width: 390, height: 490 })).toBe('narrow');
    expect(routeShapeFor({ width: 360, height: 640 })).toBe('narrow');
    expect(routeShapeFor({ width: 0, height: 0 })).toBe('wide');
  });
});
