/** The basemap's names now live with the scene's other names (src/scene/basemap-names.ts). */
export { COUNTRY_LABELS, SEA_LABELS } from '../scene/basemap-names';
