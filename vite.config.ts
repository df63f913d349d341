import { defineConfig } from 'vite';
import { storyData } from './scripts/lib/story-plugin.ts';
import { oembed } from './scripts/lib/oembed-plugin.ts';
import { noscriptFallback } from './scripts/lib/fallback-plugin.ts';
import { i18n } from './scripts/lib/i18n-plugin.ts';
import { downloads } from './scripts/lib/downloads-plugin.ts';
import { embedOrigins } from './scripts/lib/embed-origins-plugin.ts';
import { themeVars } from './scripts/lib/theme-plugin.ts';
import { mapPreload } from './scripts/lib/map-preload-plugin.ts';

export default defineConfig({
  // Relative asset URLs: the build works from any static host and any sub-path.
  base: './',
  plugins: [
    themeVars(),
    i18n(__dirname),
    storyData(__dirname),
    oembed(__dirname),
    noscriptFallback(__dirname),
    downloads(__dirname),
    embedOrigins(),
    mapPreload(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            // PDFKit and what it needs (fontkit for the embedded, subset fonts): loaded only when a PDF is made.
            {
              name: 'pdfkit',
              test: /node_modules[\\/](pdfkit|fontkit|@noble|fflate|@swc[\\/]helpers|brotli|base64-js|clone|dfa|fast-deep-equal|restructure|tiny-inflate|unicode-properties|unicode-trie|pako|linebreak|png-js)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
