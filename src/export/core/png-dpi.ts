/**
 * A print-size PNG says its resolution: a pHYs chunk (pixels per metre) after the header, so that an A4 made at
 * 300 dpi opens at 297 × 210 mm in Photoshop or InDesign rather than at 72 dpi (1237 × 875 mm). The browser's
 * encoder writes none. Pure: bytes in, bytes out.
 */
import { PRINT_DPI, type ExportSize } from './presets';

/** The file's dots per inch for a print size (A4, A3, Letter, --mm: 300 dpi × the scale); undefined for the screen sizes. */
export function pngDpi(size: Pick<ExportSize, 'mm' | 'scale'>): number | undefined {
  return size.mm ? PRINT_DPI * size.scale : undefined;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const type = (png: Uint8Array, at: number) => String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!);

/** The PNG with a pHYs chunk saying `dpi` dots per inch (written in pixels per metre, as PNG counts), in place of any it had. */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b) || type(png, 8) !== 'IHDR') throw new Error('Not a PNG file.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const afterHeader = 8 + 12 + view.getUint32(8);
  // Drop a pHYs the encoder may have written (there is at most one, before the image data).
  const parts: Uint8Array[] = [png.subarray(0, afterHeader)];
  let at = afterHeader;
  let rest = afterHeader;
  while (at + 8 <= png.length) {
    const len = view.getUint32(at);
    const t = type(png, at);
    if (t === 'IDAT' || t === 'IEND') break;
    if (t === 'pHYs') {
      parts.push(png.subarray(rest, at));
      rest = at + 12 + len;
    }
    at += 12 + len;
  }
  parts.push(png.subarray(rest));
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const c = new DataView(chunk.buffer);
  c.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  c.setUint32(8, ppm);
  c.setUint32(12, ppm);
  chunk[16] = 1; // the unit is the metre
  c.setUint32(17, crc32(chunk.subarray(4, 17)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + chunk.length);
  let o = 0;
  out.set(parts[0]!, o);
  o += parts[0]!.length;
  out.set(chunk, o);
  o += chunk.length;
  for (const p of parts.slice(1)) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
