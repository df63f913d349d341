/** The 'Embed' button in the title block; the dialog itself is loaded on first use. */
import type { App } from '../api/flightmap';
import { msg } from '../i18n';
import { mountDialogButton } from '../ui/tool-button';

export function mountEmbedButton(tools: HTMLElement, app: App): void {
  mountDialogButton(tools, app, 'embed-button', msg('embed.button'), async (opener) => (await import('./dialog')).openEmbedDialog(app, opener));
}
