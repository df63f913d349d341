/**
 * A vector picture (model.ts) as a PDF, written with PDFKit: one page of the picture's size (millimetres
 * for print sizes, else 0.75 pt a pixel), every group an optional-content layer (Acrobat, Illustrator and
 * InDesign list them), text as text in Noto Sans, embedded and subset (selectable and searchable), no
 * image. The same input gives the same bytes: the dates come from the data and PDFKit's file id is a hash
 * of them. Runs in the browser and in Node.
 */
import PDFDocument from 'pdfkit';
import type { FontWeight } from '../core/layout';
import { fontList, fontRuns, type SubsetName, type WriterFonts } from './fonts';
import type { Paint, VDoc, VNode } from './model';

/**
 * The font files (TTF or WOFF bytes): subset files (a line in two scripts is drawn as runs, each in the file
 * that has its letters), or, Latin only, one file per weight.
 */
export type PdfFonts = WriterFonts;

const PT_PER_MM = 72 / 25.4;
const PT_PER_PX = 0.75;

/** The page size in points. */
export function pageSize(doc: Pick<VDoc, 'width' | 'height' | 'mm'>): [number, number] {
  return doc.mm ? [doc.mm.width * PT_PER_MM, doc.mm.height * PT_PER_MM] : [doc.width * PT_PER_PX, doc.height * PT_PER_PX];
}

type Pdf = InstanceType<typeof PDFDocument>;
/** The parts of PDFKit's document used below that its types do not declare. */
type PdfInternals = Pdf & {
  ref(data: Record<string, unknown>): { end(): void };
  addContent(s: string): Pdf;
  page: { resources: { data: Record<string, unknown> } };
  _root: { data: Record<string, unknown> };
  markContent(tag: string, options?: Record<string, unknown>): Pdf;
  endMarkedContent(): Pdf;
};

function applyPaint(pdf: Pdf, p: Paint, draw: (pdf: Pdf) => void) {
  const fill = !!p.fill;
  const stroke = !!p.stroke && p.strokeWidth !== 0;
  if (!fill && !stroke) return;
  pdf.save();
  if (fill) pdf.fillColor(p.fill!, p.fillOpacity ?? 1);
  if (stroke) {
    pdf.strokeColor(p.stroke!, p.strokeOpacity ?? 1);
    pdf.lineWidth(p.strokeWidth ?? 1);
    pdf.lineCap(p.cap ?? 'butt');
    pdf.lineJoin(p.join ?? 'miter');
    if (p.dash?.length) pdf.dash([...p.dash] as unknown as number, {});
  }
  draw(pdf);
  if (fill && stroke) pdf.fillAndStroke();
  else if (fill) pdf.fill();
  else pdf.stroke();
  pdf.restore();
}

/** Writes the picture as a PDF; resolves to its bytes. */
export async function writePdf(doc: VDoc, fonts: PdfFonts): Promise<Uint8Array> {
  const [pw, ph] = pageSize(doc);
  const pdf = new PDFDocument({
    size: [pw, ph],
    margin: 0,
    font: null as unknown as string, // no standard font: only the embedded Noto Sans is ever used
    compress: true,
    pdfVersion: '1.7',
    lang: doc.meta.lang ?? 'en',
    displayTitle: true,
    info: { Title: doc.meta.title, Subject: doc.meta.subject, Creator: 'j2-8243-map', Producer: 'PDFKit', CreationDate: doc.meta.date, ModDate: doc.meta.date },
  } as PDFKit.PDFDocumentOptions) as PdfInternals;
  const chunks: Uint8Array[] = [];
  pdf.on('data', (c: Uint8Array) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  const fontName = (s: SubsetName, w: FontWeight) => `NotoSans-${s}-${w}`;
  const registered = new Set<string>();
  for (const f of fontList(fonts)) {
    pdf.registerFont(fontName(f.subset, f.weight), f.bytes as unknown as ArrayBuffer);
    registered.add(fontName(f.subset, f.weight));
  }
  /** The line as runs, each with a font file the writer was given (a subset not given falls back to latin). */
  const runsOf = (text: string, w: FontWeight) =>
    fontRuns(text).map((r) => ({ font: registered.has(fontName(r.subset, w)) ? fontName(r.subset, w) : fontName('latin', w), text: r.text }));

  // Optional content groups: the layers.
  const ocgs: { end(): void }[] = [];
  const properties: Record<string, unknown> = {};
  pdf.page.resources.data.Properties = properties;
  const layer = (label: string) => {
    const ref = pdf.ref({ Type: 'OCG', Name: new String(label) });
    ref.end();
    const key = `L${ocgs.length}`;
    ocgs.push(ref);
    properties[key] = ref;
    return key;
  };

  const draw = (n: VNode) => {
    switch (n.kind) {
      case 'path':
        if (n.actualText) pdf.markContent('Span', { actual: n.actualText });
        applyPaint(pdf, n, (p) => p.path(n.d));
        if (n.actualText) pdf.endMarkedContent();
        return;
      case 'circle':
        return applyPaint(pdf, n, (p) => p.circle(n.cx, n.cy, n.r));
      case 'rect':
        return applyPaint(pdf, n, (p) => (n.r ? p.roundedRect(n.x, n.y, n.w, n.h, n.r) : p.rect(n.x, n.y, n.w, n.h)));
      case 'text': {
        const opts = { lineBreak: false, baseline: 'alphabetic', characterSpacing: n.letterSpacing ?? 0 } as PDFKit.Mixins.TextOptions;
        // One run per font file, placed one after another (the letter spacing continues across the joins).
        const runs = runsOf(n.text, n.weight);
        const placed: { font: string; text: string; x: number }[] = [];
        let x = n.x;
        for (const r of runs) {
          placed.push({ ...r, x });
          pdf.font(r.font).fontSize(n.size);
          x += pdf.widthOfString(r.text, opts) + (n.letterSpacing ?? 0);
        }
        if (n.halo) {
          // The halo is the same words stroked: marked as having no text of its own (an empty ActualText), so copying or
          // searching the PDF finds each name once ("Caspian Sea", not "Caspian Sea Caspian Sea").
          pdf.addContent('/Span <</ActualText ()>> BDC');
          pdf.save();
          pdf
            .strokeColor(n.halo.colour)
            .lineWidth(n.halo.width * 2)
            .lineJoin('round');
          for (const r of placed)
            pdf
              .font(r.font)
              .fontSize(n.size)
              .text(r.text, r.x, n.y, { ...opts, fill: false, stroke: true } as PDFKit.Mixins.TextOptions);
          pdf.restore();
          pdf.addContent('EMC');
        }
        pdf.save();
        pdf.fillColor(n.fill);
        for (const r of placed) pdf.font(r.font).fontSize(n.size).text(r.text, r.x, n.y, opts);
        pdf.restore();
        return;
      }
      case 'group': {
        pdf.save();
        if (n.clip) pdf.rect(n.clip.x, n.clip.y, n.clip.w, n.clip.h).clip();
        if (n.transform) pdf.translate(n.transform.x, n.transform.y).scale(n.transform.sx, n.transform.sy);
        for (const c of n.children) draw(c);
        pdf.restore();
      }
    }
  };

  pdf.save();
  pdf.scale(pw / doc.width, ph / doc.height);
  pdf.rect(0, 0, doc.width, doc.height).fill(doc.background);
  for (const g of doc.layers) {
    pdf.addContent(`/OC /${layer(g.label)} BDC`);
    draw(g);
    pdf.addContent('EMC');
  }
  pdf.restore();
  pdf._root.data.OCProperties = { OCGs: ocgs, D: { Name: new String('Layers'), Order: ocgs, ON: ocgs, OFF: [] } };
  pdf.end();
  await ended;
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
