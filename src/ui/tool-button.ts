/** A button of the title block whose dialog is loaded on first use (Export, Embed); not in embeds or static pages. */
import '../styles/tool-button.css';
import type { App } from '../api/flightmap';
import { h } from './dom';

export function mountDialogButton(tools: HTMLElement, app: App, id: string, label: string, open: (opener: HTMLElement) => Promise<unknown>): void {
  if (app.flags.embed || app.flags.static) return;
  const button = h('button', { type: 'button', class: 'tool-button', id, 'aria-haspopup': 'dialog' }, label);
  button.addEventListener('click', async () => {
    button.setAttribute('aria-busy', 'true');
    try {
      await open(button);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
  tools.append(button);
}
