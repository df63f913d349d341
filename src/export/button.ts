/** The 'Export' button in the title block; the dialog (and its styles) is loaded on first use, as the Embed dialog's. */
import type { App } from '../api/flightmap';
import { h } from '../ui/dom';
import { msg } from '../i18n';

export function mountExportButton(tools: HTMLElement, app: App): void {
  if (app.flags.embed || app.flags.static) return;
  const button = h('button', { type: 'button', class: 'tool-button', id: 'export-button', 'aria-haspopup': 'dialog' }, msg('export.button'));
  button.addEventListener('click', async () => {
    button.setAttribute('aria-busy', 'true');
    try {
      const { openExportDialog } = await import('./dialog');
      openExportDialog(app, button);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
  tools.append(button);
}
