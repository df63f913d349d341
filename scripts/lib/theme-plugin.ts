/**
 * Vite plugin: the page's CSS custom properties as the module `virtual:theme.css`, made from the symbology
 * table (src/theme/css.ts). Imported before the style sheets (src/main.ts), which use only `var(--…)`.
 */
import type { Plugin } from 'vite';
import { themeCss } from '../../src/theme/css.ts';

export const THEME_CSS = 'virtual:theme.css';
const RESOLVED = `\0${THEME_CSS}`;

export function themeVars(): Plugin {
  return {
    name: 'theme-css',
    resolveId(id) {
      return id === THEME_CSS ? RESOLVED : undefined;
    },
    load(id) {
      return id === RESOLVED ? themeCss() : undefined;
    },
  };
}
