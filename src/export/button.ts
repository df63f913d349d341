/** The 'Export' button in the title block; the dialog (and its styles) is loaded on first use, as the Embed dialog's. */
import type { App } from '../api/flightmap';
import { msg } from '../i18n';
import { mountDialogButton } from '../ui/tool-button';

export function mountExportButton(tools: HTMLElement, app: App): void {
  mountDialogButton(tools, app, 'export-button', msg('export.button'), async (opener) => (await import('./dialog')).openExportDialog(app, opener));
}
