/**
 * Vite plugin: the full page fetches its map code with the page, not after it. The map (src/map/story-map.ts and
 * MapLibre's 1 MB chunk, its CSS) is a dynamic import, so without a hint the browser asks for it only once the
 * page's own script has arrived and run. A few lines in <head>, before the page's script, add `modulepreload` and
 * `preload` links for those files and for the story data when the page is not an embed or static (an embed
 * makes its map only when it comes into view, and a static page never: they fetch none of it).
 * Written at build time from the bundle, so the hashed names are always the right ones. The lines are a file of
 * their own (`assets/map-preload-<hash>.js`), never an inline script: the page runs under a strict Content Security
 * Policy with no 'unsafe-inline' (test/e2e/hardening.test.ts). It is the first thing in <head> and runs before the
 * parser goes on (not async): the browser's preload scanner still fetches the page's own files meanwhile, and the
 * map's links are in before the fonts and the rest are asked for. Loaded async, it ran after them, and MapLibre's
 * chunk came ~100 ms later (README, Performance).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The page's flags, as src/state/url.ts reads them: present and not a "false" word. */
const NOT_FALSE = `(k)=>{const v=q.get(k);return v!==null&&!/^(0|false|no|off)$/i.test(v)}`;

export function mapPreload(entry = 'src/map/story-map.ts', data: string[] = ['data/story.json']): Plugin {
  return {
    name: 'flightmap-map-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const map = chunks.find((c) => c.type === 'chunk' && c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith(entry)));
        if (!map || map.type !== 'chunk') return [];
        // The map's chunk and every chunk it imports statically (MapLibre, shared code) but the page's, and their CSS.
        const js = new Set<string>(),
          css = new Set<string>();
        const walk = (name: string) => {
          const c = ctx.bundle?.[name];
          if (!c || c.type !== 'chunk' || c.isEntry || js.has(name)) return; // the page's own script is already on its way
          js.add(name);
          for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
          for (const i of c.imports) walk(i);
        };
        walk(map.fileName);
        const links = [
          ...[...js].map((f) => ['modulepreload', f, '']),
          ...[...css].map((f) => ['preload', f, 'style']),
          ...data.map((f) => ['preload', f, 'fetch']),
        ];
        const code =
          `{const q=new URLSearchParams(location.search),on=${NOT_FALSE};` +
          `if(!on('embed')&&!on('static'))for(const[r,h,a]of ${JSON.stringify(links)}){` +
          `const l=document.createElement('link');l.rel=r;l.href=h;if(a)l.as=a;l.crossOrigin='';document.head.append(l)}}`;
        const fileName = `assets/map-preload-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
        // `this` is the bundle's context here (Vite calls post HTML hooks from its generateBundle).
        (this as unknown as { emitFile(f: { type: 'asset'; fileName: string; source: string }): string }).emitFile({ type: 'asset', fileName, source: code });
        return [{ tag: 'script', attrs: { src: `./${fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
