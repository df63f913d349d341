/**
 * The page colours of an exported picture (the map colours are the palette's): the app's own page colours
 * from the symbology table (src/theme/symbology.ts), so a picture looks like the page it came from. Pure.
 */
import { OVERLAY_ALPHA, pageColours, paletteFor, type Mode, type Palette } from '../../theme/symbology';

export interface ExportTheme {
  palette: Palette;
  background: string;
  text: string;
  muted: string;
  rule: string;
  accent: string;
  /** Boxes over the map (legend, scale). */
  panel: string;
  panelAlpha: number;
}

function exportTheme(mode: Mode): ExportTheme {
  const p = pageColours(mode);
  // The boxes over the map are the page's legend: the page colour, nearly opaque.
  return {
    palette: paletteFor(mode),
    background: p.bg,
    text: p.fg,
    muted: p.muted,
    rule: p.rule,
    accent: p.accent,
    panel: p.bg,
    panelAlpha: OVERLAY_ALPHA[mode],
  };
}

export const LIGHT_THEME: ExportTheme = exportTheme('light');
export const DARK_THEME: ExportTheme = exportTheme('dark');

export const themeFor = (dark: boolean): ExportTheme => (dark ? DARK_THEME : LIGHT_THEME);
