/**
 * The map's colours in each theme, as a palette by name: made from the symbology table (symbology.ts), the
 * one place a colour is set.
 */
import { paletteFor, type Palette } from './symbology';

export { DASH, type Palette } from './symbology';

export const LIGHT: Palette = paletteFor('light');
export const DARK: Palette = paletteFor('dark');
