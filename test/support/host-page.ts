/** A host page (an article on another origin) that embeds the map with the generated snippet, for tests. */
import { embedSnippet, type EmbedOptions } from '../../src/embed/snippet';

export function hostPage(snippet: string, width: number, opts: { before?: string; after?: string } = {}): string {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the article. The map below is embedded from another origin.</p>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<style>body{margin:0;font:16px/1.5 sans-serif;background:#f4f1ea} .col{width:${width}px;margin:0 auto;background:#fff}</style></head>
<body><main class="col" id="col"><h1>Host article</h1>${opts.before ?? filler(2)}
${snippet}
${opts.after ?? filler(12)}</main>
<script>
  window.__msgs = [];
  window.addEventListener('message', function (e) {
    var f = document.querySelector('iframe');
    if (f && e.source === f.contentWindow) window.__msgs.push({ origin: e.origin, data: e.data, at: Date.now() });
  });
</script>
</body></html>`;
}

export function hostPageFor(o: EmbedOptions, width: number): string {
  return hostPage(embedSnippet(o), width);
}
