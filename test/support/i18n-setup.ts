/** Unit tests (Node) speak English, as the page does by default: the English catalogue, read from geo/i18n/en.json. */
import { readFileSync } from 'node:fs';
import { useLocale } from '../../src/i18n';

useLocale('en', JSON.parse(readFileSync(new URL('../../geo/i18n/en.json', import.meta.url), 'utf8')));
