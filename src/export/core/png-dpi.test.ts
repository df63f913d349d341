import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pngDpi, withPngDpi } from './png-dpi';
import { exportSize } from './presets';

/** The chunks of a PNG file, in order, with their data. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const b = Buffer.from(png);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    out.push({ type: b.toString('latin1', at + 4, at + 8), data: b.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

function tinyPng(): Uint8Array {
  const p = new PNG({ width: 3, height: 2 });
  p.data.fill(200);
  return new Uint8Array(PNG.sync.write(p));
}

describe('pngDpi', () => {
  it('is 300 dpi × the scale for the print sizes, none for the screen sizes', () => {
    const size = (spec: Parameters<typeof exportSize>[0], scale = 1) => {
      const s = exportSize(spec, scale);
      if (!s.ok) throw new Error(s.error);
      return s.value;
    };
    expect(pngDpi(size({ preset: 'a4' }))).toBe(300);
    expect(pngDpi(size({ preset: 'a3', orientation: 'portrait' }, 2))).toBe(600);
    expect(pngDpi(size({ preset: 'letter' }))).toBe(300);
    expect(pngDpi(size({ mm: [180, 120] }, 2))).toBe(600);
    expect(pngDpi(size({ preset: '16x9' }, 2))).toBeUndefined();
    expect(pngDpi(size({ width: 1600, height: 900 }))).toBeUndefined();
    // An A4 at 300 dpi is 297 mm wide: 3508 px / 300 × 25.4.
    const a4 = size({ preset: 'a4' });
    expect((a4.outWidth / pngDpi(a4)!) * 25.4).toBeCloseTo(297, 0);
  });
});

describe('withPngDpi', () => {
  it('adds a pHYs chunk right after the header, in pixels per metre, that a PNG reader accepts', () => {
    const src = tinyPng();
    expect(chunks(src).map((c) => c.type)).not.toContain('pHYs');
    const out = withPngDpi(src, 300);
    const cs = chunks(out);
    expect(cs[0]!.type).toBe('IHDR');
    expect(cs[1]!.type).toBe('pHYs');
    const phys = cs[1]!.data;
    expect([phys.readUInt32BE(0), phys.readUInt32BE(4), phys[8]]).toEqual([11811, 11811, 1]);
    // pngjs checks every chunk's CRC: the image reads back the same.
    const back = PNG.sync.read(Buffer.from(out));
    expect([back.width, back.height, back.data[0]]).toEqual([3, 2, 200]);
    expect(out.length).toBe(src.length + 21);
  });

  it('replaces a resolution the file had, not adds a second', () => {
    const twice = withPngDpi(withPngDpi(tinyPng(), 72), 600);
    const phys = chunks(twice).filter((c) => c.type === 'pHYs');
    expect(phys).toHaveLength(1);
    expect(phys[0]!.data.readUInt32BE(0)).toBe(23622);
    PNG.sync.read(Buffer.from(twice));
  });

  it('refuses what is not a PNG', () => {
    expect(() => withPngDpi(new Uint8Array(40), 300)).toThrow(/Not a PNG/);
  });
});
