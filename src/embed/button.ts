/** The 'Embed' button in the title block; the dialog itself is loaded on first use. */
import type { App } from '../api/flightmap';
import { h } from '../ui/dom';
import { msg } from '../i18n';

export function mountEmbedButton(tools: HTMLElement, app: App): void {
  if (app.flags.embed || app.flags.static) return;
  const button = h('button', { type: 'button', class: 'tool-button', id: 'embed-button', 'aria-haspopup': 'dialog' }, msg('embed.button'));
  button.addEventListener('click', async () => {
    button.setAttribute('aria-busy', 'true');
    try {
      const { openEmbedDialog } = await import('./dialog');
      openEmbedDialog(app, button);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
  tools.append(button);
}
