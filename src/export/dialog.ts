/**
 * The 'Export' button in the title block and its dialog: PNG, SVG or PDF, a size (preset), a pixel scale
 * (PNG), the moment on the map or the whole route, light or dark, the legend; then the picture is drawn
 * off-screen (PNG) or written as vectors (SVG, PDF) and downloaded. In the page's one dialog frame
 * (src/ui/dialog.ts: focus trapped, Escape closes it); closing it cancels a render. All text is set as text. Loaded when the Export button (export/button.ts) is first pressed; the drawing code only when an export is asked
 * for (export/exports.ts, which also gives the automation API its exports).
 */
import '../styles/export.css';
import type { App } from '../api/flightmap';
import { appBase } from './exports';
import { PRESETS, SCALES, scalesFor, type PresetId } from './core/presets';
import { exportFilename, fileSize, type ExportFormat } from './core/text';
import { resolveRequest, type ExportRequest } from './core/request';
import { momentAside } from '../ui/timeline-control';
import { h } from '../ui/dom';
import { createDialog } from '../ui/dialog';
import { msg, type MessageKey } from '../i18n';

let dialog: ReturnType<typeof buildDialog> | null = null;

/** Opens the Export dialog (built once, on first use) from `opener`, where focus returns when it closes. */
export function openExportDialog(app: App, opener: HTMLElement): void {
  dialog ??= buildDialog(app, appBase());
  dialog.refresh();
  dialog.frame.open(opener);
}

function radios<T extends string>(name: string, options: { value: T; label: string; hint?: string }[], checked: T) {
  const inputs = new Map<T, HTMLInputElement>();
  const rows = options.map((o) => {
    const id = `export-${name}-${o.value}`;
    const input = h('input', { type: 'radio', name, id, value: o.value, checked: o.value === checked });
    inputs.set(o.value, input);
    return h('div', { class: 'dialog-opt' }, input, h('label', { for: id }, o.label, o.hint ? h('span', { class: 'export-hint' }, ` ${o.hint}`) : null));
  });
  const value = () => ([...inputs.values()].find((i) => i.checked)?.value ?? checked) as T;
  return { rows, inputs, value };
}

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  {
    value: 'png',
    label: 'PNG',
    get hint() {
      return msg('export.hint.png');
    },
  },
  {
    value: 'svg',
    label: 'SVG',
    get hint() {
      return msg('export.hint.svg');
    },
  },
  {
    value: 'pdf',
    label: 'PDF',
    get hint() {
      return msg('export.hint.pdf');
    },
  },
];

function buildDialog(app: App, base: string) {
  const format = radios<ExportFormat>('format', FORMATS, 'png');
  const preset = radios<PresetId>(
    'preset',
    PRESETS.map((p) => ({
      value: p.id,
      label: p.mm ? msg(`export.preset.${p.id as 'a4' | 'a3' | 'letter'}`) : p.label,
      hint: `${p.width} × ${p.height}, ${msg(`export.use.${p.id}` as MessageKey)}`,
    })),
    '16x9',
  );
  type ScaleValue = '1' | '2' | '3' | '4';
  const scale = radios<ScaleValue>(
    'scale',
    SCALES.map((n) => ({ value: String(n) as ScaleValue, label: `${n}×` })),
    '1',
  );
  const currentLabel = h('span', { class: 'export-hint' });
  const moment = radios<'current' | 'route'>(
    'moment',
    [
      { value: 'current', label: msg('export.momentCurrent') },
      { value: 'route', label: msg('export.momentRoute') },
    ],
    'current',
  );
  moment.rows[0]!.querySelector('label')!.append(' ', currentLabel);
  const dark = document.documentElement.classList.contains('dark');
  const colours = radios<'light' | 'dark'>(
    'colours',
    [
      { value: 'light', label: msg('dialog.light') },
      { value: 'dark', label: msg('dialog.dark') },
    ],
    dark ? 'dark' : 'light',
  );
  const legendBox = h('input', { type: 'checkbox', id: 'export-legend', name: 'legend', checked: true });
  const insetBox = h('input', { type: 'checkbox', id: 'export-inset', name: 'inset', checked: true });
  // The print sizes (A4, A3, Letter) turn upright; the screen sizes have their own shape.
  const portraitBox = h('input', { type: 'checkbox', id: 'export-portrait', name: 'portrait' });
  const portraitOpt = h('div', { class: 'dialog-opt export-portrait-opt' }, portraitBox, h('label', { for: 'export-portrait' }, msg('export.portrait')));
  const isPrint = () => PRESETS.some((p) => p.id === preset.value() && p.mm);
  const summary = h('p', { class: 'export-summary', id: 'export-summary' });
  const status = h('p', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
  const error = h('p', { class: 'export-error', role: 'alert' });
  const go = h('button', { type: 'submit', class: 'tool-button tool-button--primary', id: 'export-go' }, msg('export.go', { format: 'PNG' }));
  const scaleSet = h('fieldset', { class: 'dialog-opts export-opts export-scales' }, h('legend', {}, msg('export.scale')), scale.rows);
  const cancel = h('button', { type: 'button', class: 'tool-button tool-button--quiet' }, msg('dialog.cancel'));
  const fieldset = (legend: string, cls: string, ...rows: HTMLElement[]) =>
    h('fieldset', { class: `dialog-opts export-opts ${cls}` }, h('legend', {}, legend), rows);
  let busy: AbortController | null = null;
  const stop = () => busy?.abort();
  // Closing it in any way (Escape, ×, Cancel, the backdrop when idle) cancels a render under way.
  const frame = createDialog(
    {
      id: 'export-dialog',
      className: 'export-dialog',
      title: msg('export.dialogTitle'),
      help: msg('export.help'),
      form: true,
      onClose: stop,
      backdropCloses: () => !busy,
    },
    fieldset(msg('export.format'), 'export-formats', ...format.rows),
    h(
      'div',
      { class: 'export-grid' },
      fieldset(msg('export.size'), 'export-sizes', ...preset.rows, portraitOpt),
      h('div', { class: 'export-col' }, scaleSet, fieldset(msg('dialog.colours'), 'export-colours', ...colours.rows)),
    ),
    fieldset(msg('export.moment'), 'export-moments', ...moment.rows),
    h('div', { class: 'dialog-opt export-legend-opt' }, legendBox, h('label', { for: 'export-legend' }, msg('export.includeLegend'))),
    h('div', { class: 'dialog-opt export-legend-opt' }, insetBox, h('label', { for: 'export-inset' }, msg('export.includeInsets'))),
    summary,
    error,
    h('div', { class: 'export-actions' }, go, cancel, status),
  );
  const form = frame.box;

  const request = (): ExportRequest => ({
    preset: preset.value(),
    scale: format.value() === 'png' ? Number(scale.value()) : 1,
    moment: moment.value(),
    dark: colours.value() === 'dark',
    legend: legendBox.checked,
    inset: insetBox.checked,
    ...(isPrint() && portraitBox.checked ? { orientation: 'portrait' as const } : {}),
  });
  /** Whether the error line shows the request's problem (cleared when the request is right again), not a failed export's reason. */
  let requestError = false;
  const update = () => {
    const f = format.value();
    const vector = f !== 'png';
    go.textContent = msg('export.go', { format: f.toUpperCase() });
    // Vectors have no pixels to multiply: the scale is for the PNG.
    scaleSet.hidden = vector;
    portraitOpt.hidden = !isPrint();
    const allowed = scalesFor(preset.value());
    for (const [s, input] of scale.inputs) {
      const okScale = allowed.includes(Number(s));
      input.disabled = !okScale;
      input.closest('.dialog-opt')!.classList.toggle('is-disabled', !okScale);
      input.title = okScale ? '' : msg('export.tooLarge');
    }
    if (scale.inputs.get(scale.value())!.disabled) scale.inputs.get(String(Math.max(...allowed)) as ScaleValue)!.checked = true;
    const r = resolveRequest(request(), { timelines: app.timelines, current: () => app.getMoment() });
    if (r.ok) {
      const { mm, outWidth, outHeight } = r.value.size;
      const size =
        vector && mm
          ? msg('export.mm', { width: +mm.width.toFixed(1), height: +mm.height.toFixed(1) })
          : msg('export.px', { width: outWidth, height: outHeight });
      summary.textContent = `${size} · ${exportFilename(r.value, f)}`;
      // A failed export's reason stays until the reader changes an option or tries again (setBusy calls this too).
      if (requestError) error.textContent = '';
      requestError = false;
    } else {
      error.textContent = r.error;
      requestError = true;
    }
    go.disabled = !r.ok || busy !== null;
  };

  const setBusy = (b: AbortController | null) => {
    busy = b;
    form.setAttribute('aria-busy', String(!!b));
    for (const el of form.querySelectorAll<HTMLInputElement>('fieldset input, #export-legend, #export-inset, #export-portrait')) el.disabled = !!b;
    if (!b) update();
    go.disabled = !!b;
  };

  form.addEventListener('change', () => {
    error.textContent = '';
    update();
  });
  const refresh = () => {
    const m = app.getMoment();
    currentLabel.textContent = momentAside(app.timelines[m.chapter], m.t);
    status.textContent = '';
    update();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    const controller = new AbortController();
    setBusy(controller);
    error.textContent = '';
    const f = format.value();
    status.textContent = f === 'png' ? msg('export.drawing') : msg('export.writing', { format: f.toUpperCase() });
    const save = (blob: Blob, filename: string) => {
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: filename, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    };
    try {
      if (f === 'png') {
        const run = await import('./png/run');
        const { canvas, meta } = await run.renderExport(app, base, request(), {
          signal: controller.signal,
          onProgress: (done, total) => {
            if (total > 1) status.textContent = msg('export.drawingPart', { part: Math.min(done + 1, total), total });
          },
        });
        status.textContent = msg('export.writing', { format: 'PNG' });
        const blob = await run.pngBlob(canvas, meta);
        canvas.width = canvas.height = 0;
        save(blob, meta.filename);
        status.textContent = msg('export.saved', {
          file: meta.filename,
          dims: msg('export.px', { width: meta.width, height: meta.height }),
          size: fileSize(blob.size),
        });
      } else {
        const run = await import('./vector/run');
        const made = f === 'svg' ? await run.exportSvg(app, base, request()) : await run.exportPdf(app, base, request());
        if (controller.signal.aborted) throw new Error('cancelled');
        const blob =
          'svg' in made ? new Blob([made.svg], { type: 'image/svg+xml' }) : new Blob([made.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
        save(blob, made.filename);
        const { mm, width, height } = made.meta;
        status.textContent = msg('export.saved', {
          file: made.filename,
          dims: mm ? msg('export.mm', { width: +mm.width.toFixed(1), height: +mm.height.toFixed(1) }) : msg('export.px', { width, height }),
          size: fileSize(blob.size),
        });
      }
    } catch (err) {
      status.textContent = '';
      error.textContent = controller.signal.aborted ? msg('export.cancelled') : msg('export.failed', { error: (err as Error)?.message ?? String(err) });
    } finally {
      setBusy(null);
    }
  });
  cancel.addEventListener('click', () => (busy ? stop() : frame.close()));
  return { frame, refresh };
}
