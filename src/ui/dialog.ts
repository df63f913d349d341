/**
 * The one dialog frame of the page (Export, Embed): a native modal <dialog> labelled by its heading and described
 * by its help line, with a close button. The browser's modal dialog traps focus (the page behind is inert) and
 * closes on Escape; a click on the backdrop closes it too (when allowed); on closing, focus goes back to the button
 * that opened it. Its styles are `.dialog`, `.dialog-box`, `.dialog-head`, `.dialog-close`, `.dialog-help`
 * (styles/dialog.css, loaded with this module). All text is set as text.
 */
import '../styles/dialog.css';
import { h } from './dom';
import { msg } from '../i18n';

type Content = Parameters<typeof h>[2];

export interface DialogOptions {
  /** The dialog's id; its heading is `${id}-title`, its help line `${id}-desc`. */
  id: string;
  /** Extra class of the dialog (its width). */
  className: string;
  title: string;
  help: string;
  /** The box is a <form method="dialog"> (its submit is the caller's), else a <div>. */
  form?: boolean;
  /** Called whenever it closes, however (Escape, ×, backdrop, `close()`): e.g. to stop work under way. */
  onClose?: () => void;
  /** Whether a click on the backdrop may close it now (default: yes). */
  backdropCloses?: () => boolean;
}

export interface Dialog {
  el: HTMLDialogElement;
  /** The box inside the frame (the form, if `form`). */
  box: HTMLElement;
  /** Opens it as a modal; focus goes back to `opener` when it closes. */
  open(opener: HTMLElement): void;
  close(): void;
}

export function createDialog(o: DialogOptions, ...content: Content[]): Dialog {
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': msg('dialog.close') }, '×');
  const head = [
    h('div', { class: 'dialog-head' }, h('h2', { id: `${o.id}-title` }, o.title), close),
    h('p', { id: `${o.id}-desc`, class: 'dialog-help' }, o.help),
  ];
  const box = o.form ? h('form', { class: 'dialog-box', method: 'dialog' }, head, ...content) : h('div', { class: 'dialog-box' }, head, ...content);
  const el = h('dialog', { class: `dialog ${o.className}`, id: o.id, 'aria-labelledby': `${o.id}-title`, 'aria-describedby': `${o.id}-desc` }, box);
  let opener: HTMLElement | null = null;

  close.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    o.onClose?.();
    opener?.focus();
  });
  // A click on the backdrop (outside the box) closes it.
  el.addEventListener('click', (e) => {
    if (e.target === el && (o.backdropCloses?.() ?? true)) el.close();
  });
  document.body.append(el);
  return {
    el,
    box,
    open(by) {
      opener = by;
      if (!el.open) el.showModal();
    },
    close: () => el.close(),
  };
}
