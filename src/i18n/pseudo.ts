/**
 * The pseudo-locale `en-XA`: English with every letter accented and each message about 40 % longer, to find
 * clipped or overlapping text before a translation does. Placeholders, plurals and selects are kept. Pure.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENT: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ó',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  W: 'Ŵ',
  Y: 'Ý',
  Z: 'Ž',
};
const FILL = 'ŵóŕð';

/** Accented, and padded with filler words to ~1.4 × its length (words, so the text can still wrap). */
export function pseudoText(s: string): string {
  if (!s.trim()) return s;
  const accented = [...s].map((c) => ACCENT[c] ?? c).join('');
  const extra = Math.ceil(s.length * 0.4);
  const words: string[] = [];
  for (let n = 0; n < extra - 1; n += FILL.length + 1) words.push(FILL.slice(0, Math.min(FILL.length, extra - 1 - n)));
  return words.length ? `${accented} ${words.join(' ')}` : accented;
}

/** The same message with its literal text made pseudo (each literal padded in proportion). */
export function pseudoAst(ast: MessageFormatElement[]): MessageFormatElement[] {
  return ast.map((el): MessageFormatElement => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options: typeof el.options = {};
      for (const [k, v] of Object.entries(el.options)) options[k] = { ...v, value: pseudoAst(v.value) };
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoAst(el.children) };
    return el;
  });
}
