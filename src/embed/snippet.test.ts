import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, effectiveOptions, embedSnippet, embedUrl, initialHeight } from './snippet';
import { parseUrl } from '../state/url';
import { EN_IFRAME_TITLE } from '../../test/support/content';
import { parseHostMessage, viewMessage } from './protocol';

const URL_ = 'https://news.example.com/graphics/j2-8243/';

describe('embed URL', () => {
  it('carries the flags and Pym childId, read back by the app as set', () => {
    const u = embedUrl({ url: URL_, event: 'first-impact', controls: false, autoplay: true, dark: 'auto', plain: true, static: false, id: 'j2-map' });
    expect(u).toBe('https://news.example.com/graphics/j2-8243/?embed&event=first-impact&controls=0&autoplay&dark=auto&plain&childId=j2-map');
    const p = parseUrl(new URL(u).search, { hasEvent: () => true, inRange: () => true });
    expect(p.flags).toMatchObject({ embed: true, controls: false, autoplay: true, dark: 'auto', plain: true, static: false, childId: 'j2-map' });
    expect(p.moment.event).toBe('first-impact');
    expect(p.notes).toEqual([]);
  });
  it('carries loop, read back by the app', () => {
    const u = embedUrl({ url: URL_, ...DEFAULT_EMBED, autoplay: true, loop: true });
    expect(u).toBe('https://news.example.com/graphics/j2-8243/?embed&autoplay&loop&childId=flightmap-j2-8243');
    expect(parseUrl(new URL(u).search, { hasEvent: () => true, inRange: () => true }).flags).toMatchObject({ autoplay: true, loop: true });
  });
  it('writes a time readably, and dark=1', () => {
    const u = embedUrl({ url: URL_ + '?old=1#x', time: '2024-12-25T05:13:31Z', ...DEFAULT_EMBED, dark: 'dark' });
    expect(u).toBe('https://news.example.com/graphics/j2-8243/?embed&t=2024-12-25T05:13:31Z&dark=1&childId=flightmap-j2-8243');
    const p = parseUrl(new URL(u).search, { hasEvent: () => true, inRange: () => true });
    expect(p.moment.t).toBe(Date.parse('2024-12-25T05:13:31Z'));
    expect(p.flags.dark).toBe('dark');
  });
  it('static drops what a picture of the whole route has no use for: the start moment, controls=0, autoplay, loop', () => {
    const all = {
      url: URL_,
      ...DEFAULT_EMBED,
      event: 'first-impact',
      controls: false,
      autoplay: true,
      loop: true,
      plain: true,
      dark: 'dark' as const,
      lang: 'ru',
    };
    expect(embedUrl({ ...all, static: true })).toBe('https://news.example.com/graphics/j2-8243/?embed&dark=1&plain&static&lang=ru&childId=flightmap-j2-8243');
    expect(embedUrl({ ...all, event: undefined, time: '2024-12-25T05:13:31Z', static: true })).toBe(
      'https://news.example.com/graphics/j2-8243/?embed&dark=1&plain&static&lang=ru&childId=flightmap-j2-8243',
    );
    const p = parseUrl(new URL(embedUrl({ ...all, static: true })).search, { hasEvent: () => true, inRange: () => true });
    expect(p.flags).toMatchObject({ static: true, controls: true, autoplay: false, loop: false, plain: true, dark: 'dark' });
    expect(p.moment.event).toBeUndefined();
    // the snippet too; not static, every option stays
    const snippet = embedSnippet({ ...all, static: true, title: EN_IFRAME_TITLE });
    expect(snippet).toContain(
      'src="https://news.example.com/graphics/j2-8243/?embed&amp;dark=1&amp;plain&amp;static&amp;lang=ru&amp;childId=flightmap-j2-8243"',
    );
    expect(snippet).not.toMatch(/autoplay|loop|controls=0|event=|t=2024/);
    expect(embedUrl({ ...all, static: false })).toBe(
      'https://news.example.com/graphics/j2-8243/?embed&event=first-impact&controls=0&autoplay&loop&dark=1&plain&lang=ru&childId=flightmap-j2-8243',
    );
    const notStatic = { ...all, static: false };
    expect(effectiveOptions(notStatic)).toBe(notStatic);
  });
  it('replaces an unsafe id with the default', () => {
    expect(embedUrl({ url: URL_, ...DEFAULT_EMBED, id: 'a"><script>' })).toContain('childId=flightmap-j2-8243');
  });
});

describe('embed snippet', () => {
  it('matches the snapshot (default options)', () => {
    expect(embedSnippet({ url: URL_, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE })).toMatchSnapshot();
  });
  it('matches the snapshot (every option)', () => {
    expect(
      embedSnippet({
        url: URL_,
        title: EN_IFRAME_TITLE,
        event: 'crash',
        controls: false,
        autoplay: true,
        dark: 'dark',
        plain: true,
        static: false,
        id: 'j2.map:2',
      }),
    ).toMatchSnapshot();
  });
  it('is an iframe with a title naming the flight, full width, a height, and a plain script', () => {
    const s = embedSnippet({ url: URL_, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE });
    expect(s).toMatch(/^<iframe [^>]*title="Interactive map: How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024"/);
    expect(s).toContain('width="100%"');
    expect(s).toMatch(/height="\d{3}"/);
    expect(s).not.toMatch(/<script[^>]+src=/);
    expect(s).toContain('e.source !== f.contentWindow');
    // the map's origin from the iframe's src as it is now, at each message and each post (a CMS may change the src)
    expect(s).toContain('function o() { return new URL(f.src, location.href).origin; }');
    expect(s).toContain('e.origin !== o()');
    expect(s).toContain('var t = o();');
    expect(s).toContain("view: near ? 'near' : 'far' }, t);");
    expect(s).not.toMatch(/var o\b/);
  });
  it('escapes the id in the script’s pattern', () => {
    const s = embedSnippet({ url: URL_, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE, id: 'j2.map' });
    expect(s).toContain('/^pymxPYMxj2\\.mapxPYMxheightxPYMx(\\d+)$/');
  });
  it('escapes the URL in the attribute', () => {
    const s = embedSnippet({ url: 'https://x.example/a"b<c>/', ...DEFAULT_EMBED, title: EN_IFRAME_TITLE });
    expect(s).not.toContain('a"b');
    expect(s).not.toContain('<c>');
  });
  it('starts shorter without controls or title', () => {
    expect(initialHeight({ controls: false, plain: true })).toBeLessThan(initialHeight({ controls: true, plain: false }));
  });

  // The snippet's script, run against a fake window: only its iframe and the map's origin count.
  const run = (o: Parameters<typeof embedSnippet>[0] = { url: URL_, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE }, withObserver = true) => {
    const html = embedSnippet(o);
    const js = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
    const posted: [unknown, string][] = [];
    const frameWin = { postMessage: (data: unknown, origin: string) => posted.push([data, origin]) };
    const iframe = { src: embedUrl(o), contentWindow: frameWin, style: { height: '' } };
    let listener: (e: { source: unknown; origin: string; data: unknown }) => void = () => {};
    const observers: { cb: (es: { isIntersecting: boolean }[]) => void; margin: string; target: unknown }[] = [];
    class FakeObserver {
      constructor(cb: (es: { isIntersecting: boolean }[]) => void, init: { rootMargin: string }) {
        observers.push({ cb, margin: init.rootMargin, target: null });
      }
      observe(t: unknown) {
        observers.at(-1)!.target = t;
      }
    }
    const win = { addEventListener: (_: string, f: typeof listener) => (listener = f), IntersectionObserver: withObserver ? FakeObserver : undefined };
    const doc = { getElementById: (id: string) => (id === (o.id ?? 'flightmap-j2-8243') ? iframe : null) };
    new Function('window', 'document', 'location', js)(win, doc, { href: 'https://host.example/article' });
    const send = (data: unknown, source: unknown = frameWin, origin = 'https://news.example.com') => listener({ source, origin, data });
    return { iframe, posted, observers, send };
  };

  it('applies Pym and AMP heights from its own iframe only', () => {
    const { iframe, send } = run();
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx700');
    expect(iframe.style.height).toBe('700px');
    send({ sentinel: 'amp', type: 'embed-size', height: 710 });
    expect(iframe.style.height).toBe('710px');
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx900', {}); // another window
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx900', { postMessage() {} }, 'https://evil.example'); // another origin
    send('pymxPYMxother-idxPYMxheightxPYMx900');
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx999999');
    send({ sentinel: 'amp', type: 'embed-size', height: '1;background:red' });
    send(null);
    expect(iframe.style.height).toBe('710px');
  });

  it('tells the map, at its origin only, when its iframe is within one screen of the view, and again whenever the map reports', () => {
    const { iframe, posted, observers, send } = run();
    expect(observers).toHaveLength(1);
    expect(observers[0]).toMatchObject({ margin: '100% 0px', target: iframe });
    expect(posted).toEqual([]); // nothing known yet
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx700');
    expect(posted).toEqual([]);
    observers[0]!.cb([{ isIntersecting: true }]);
    expect(posted).toEqual([[viewMessage(true), 'https://news.example.com']]);
    // the map (re)loaded and reported its height: it hears the host's word again
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx710');
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual([viewMessage(true), 'https://news.example.com']);
    observers[0]!.cb([{ isIntersecting: true }, { isIntersecting: false }]);
    expect(posted.at(-1)).toEqual([viewMessage(false), 'https://news.example.com']);
    // a message from elsewhere gets no answer
    const n = posted.length;
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx720', {});
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx720', iframe.contentWindow, 'https://evil.example');
    send({ type: 'flightmap:state', time: '2024-12-25T05:13:31Z', event: null });
    expect(posted).toHaveLength(n);
  });

  it('follows its iframe when the src changes after it ran (a CMS, a lazy-loader, examples/*.html?app=)', () => {
    const { iframe, posted, observers, send } = run();
    observers[0]!.cb([{ isIntersecting: true }]);
    expect(posted.at(-1)).toEqual([viewMessage(true), 'https://news.example.com']);
    iframe.src = 'https://maps.example.org/j2-8243/?embed&childId=flightmap-j2-8243';
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx640', iframe.contentWindow, 'https://maps.example.org');
    expect(iframe.style.height).toBe('640px');
    expect(posted.at(-1)).toEqual([viewMessage(true), 'https://maps.example.org']); // the map at its new origin hears it
    observers[0]!.cb([{ isIntersecting: false }]);
    expect(posted.at(-1)).toEqual([viewMessage(false), 'https://maps.example.org']);
    // the old origin (a late message from the first document) no longer counts
    const n = posted.length;
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx900', iframe.contentWindow, 'https://news.example.com');
    expect(iframe.style.height).toBe('640px');
    expect(posted).toHaveLength(n);
    // a lazy-loader's about:blank (an opaque origin, 'null'): nothing to tell yet, and no error; told once it reports
    iframe.src = 'about:blank';
    const m = posted.length;
    observers[0]!.cb([{ isIntersecting: true }]);
    expect(posted).toHaveLength(m);
    iframe.src = 'https://maps.example.org/j2-8243/?embed&childId=flightmap-j2-8243';
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx630', iframe.contentWindow, 'https://maps.example.org');
    expect(iframe.style.height).toBe('630px');
    expect(posted.at(-1)).toEqual([viewMessage(true), 'https://maps.example.org']);
    // a relative src is read against the host page
    iframe.src = '/maps/j2-8243/?embed';
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx650', iframe.contentWindow, 'https://host.example');
    expect(iframe.style.height).toBe('650px');
  });

  it('without IntersectionObserver it still sizes the iframe, and tells nothing', () => {
    const { iframe, posted, send } = run(undefined, false);
    send('pymxPYMxflightmap-j2-8243xPYMxheightxPYMx700');
    expect(iframe.style.height).toBe('700px');
    expect(posted).toEqual([]);
  });

  it('the message it sends is one the map accepts', () => {
    const { posted, observers } = run();
    observers[0]!.cb([{ isIntersecting: false }]);
    expect(parseHostMessage(posted[0]![0], { hasEvent: () => false, inRange: () => false })).toEqual({ kind: 'view', near: false });
  });
});

describe('the example host page', () => {
  it('carries the snippets exactly as generated (examples/host.html)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../examples/host.html', import.meta.url), 'utf8');
    const local = 'http://127.0.0.1:4173/';
    expect(html).toContain(embedSnippet({ url: local, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE, event: 'first-impact' }));
    expect(html).toContain(embedSnippet({ url: local, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE, plain: true, controls: false, id: 'flightmap-scrolly' }));
  });
  it('carries the snippets exactly as generated (examples/live-blog.html: ten, each at its event)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../examples/live-blog.html', import.meta.url), 'utf8');
    const events = [...html.matchAll(/<iframe id="flightmap-(\d+)" src="[^"]*&amp;event=([\w-]+)&amp;/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(events.map(([n]) => n)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const [n, event] of events)
      expect(html).toContain(embedSnippet({ url: 'http://127.0.0.1:4173/', ...DEFAULT_EMBED, title: EN_IFRAME_TITLE, event, id: `flightmap-${n}` }));
  });
});

describe('an embed in another language', () => {
  it('carries lang= and its title in that language; the embed reads it', () => {
    const o = { url: URL_, ...DEFAULT_EMBED, lang: 'kk', title: 'Интерактивті карта: «Әзербайжан әуе жолдарының» J2-8243 рейсі' };
    expect(embedUrl(o)).toBe(`${URL_}?embed&lang=kk&childId=flightmap-j2-8243`);
    expect(parseUrl(new URL(embedUrl(o)).search, { hasEvent: () => true, inRange: () => true }).flags.lang).toBe('kk');
    expect(embedSnippet(o)).toContain('title="Интерактивті карта: «Әзербайжан әуе жолдарының» J2-8243 рейсі"');
  });
});
