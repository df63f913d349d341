/**
 * The page colours of an exported picture (the map colours are the palette's). The same values as the
 * app's CSS custom properties (src/styles/app.css), so a picture looks like the page it came from. Pure.
 */
import { DARK, LIGHT, type Palette } from '../../theme/palette';

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

export const LIGHT_THEME: ExportTheme = { palette: LIGHT, background: '#ffffff', text: '#1d1d1b', muted: '#5d5a55', rule: '#d9d5ce', accent: '#c45500', panel: '#ffffff', panelAlpha: 0.93 };
export const DARK_THEME: ExportTheme = { palette: DARK, background: '#121517', text: '#f1efe9', muted: '#b1aca4', rule: '#2f3539', accent: '#E69F00', panel: '#121517', panelAlpha: 0.9 };

export const themeFor = (dark: boolean): ExportTheme => (dark ? DARK_THEME : LIGHT_THEME);
