/**
 * The page's CSS custom properties, made from the symbology table: `:root { --bg: …; … }` and the dark
 * theme's `:root.dark { … }`. Served to the page as the module `virtual:theme.css` (scripts/lib/theme-plugin.ts);
 * the style sheets in src/styles/ use only `var(--…)`. Pure.
 */
import { OVERLAY_ALPHA, PAGE_COLOURS, type Mode } from './symbology';

/** `accentText` → `--accent-text`; `bOfficialReport` → `--b-official-report`. */
export const cssVar = (name: string): string => `--${name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;

function block(mode: Mode): string {
  const vars = Object.entries(PAGE_COLOURS).map(([k, v]) => `  ${cssVar(k)}: ${v[mode]};`);
  vars.push(`  --overlay-alpha: ${Math.round(OVERLAY_ALPHA[mode] * 100)}%;`);
  return vars.join('\n');
}

export function themeCss(): string {
  return `:root {\n${block('light')}\n}\n:root.dark {\n${block('dark')}\n}\n`;
}
