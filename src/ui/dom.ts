/**
 * A tiny element builder. Text is always set as text (never parsed as HTML), so nothing from the data
 * or the URL can become markup.
 */
import type { Box } from '../map/label-layout';

type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link to a source, opened outside the embed, never sending the page as referrer. */
export function extLink(url: string, text: string): HTMLAnchorElement {
  const safe = /^https?:\/\//i.test(url) ? url : '#';
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer external' }, text);
}

/** A 24×24 SVG icon from one path, hidden from assistive technology (the button carries the label). */
export function icon(d: string): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** The boxes of the elements drawn (not empty), in `within`'s CSS px from its top left corner: what covers a map. */
export function boxesIn(within: Element, els: Iterable<Element>): Box[] {
  const at = within.getBoundingClientRect();
  return [...els]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x: r.left - at.left, y: r.top - at.top, width: r.width, height: r.height }));
}
