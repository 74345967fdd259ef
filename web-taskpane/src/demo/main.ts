import '../styles/pane.css';
import '../styles/demo.css';
import { createApi } from '../api';
import type { MailMessage } from '../contract';
import { h } from '../dom';
import { mountPane } from '../pane/pane';
import { DemoMailbox } from './demo-mailbox';
import { demoText, messageItem, readingView } from './mailbox-view';

const language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en-US' : 'nb-NO';
const text = language === 'en-US' ? demoText.en : demoText.nb;
document.documentElement.lang = language.slice(0, 2);

const list = document.getElementById('message-list')!;
const reading = document.getElementById('reading-pane')!;
const mailbox = new DemoMailbox(language);

document.getElementById('inbox-heading')!.textContent = text.inbox;
reading.setAttribute('aria-label', text.readingPane);
reading.replaceChildren(readingView(text, null));
mountPane(document.getElementById('pane')!, { adapter: mailbox, api: createApi(), links: [{ label: text.stats, href: '/stats' }] });
void loadInbox();

/** The inbox comes from the API, so messages that a confirmed action moves out of it leave the list. */
async function loadInbox(): Promise<void> {
  let messages: MailMessage[];
  try {
    const response = await fetch('/api/demo/messages', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    messages = (await response.json()) as MailMessage[];
  } catch {
    const retry = h('button', { type: 'button', class: 'button' }, text.retry);
    retry.addEventListener('click', () => void loadInbox());
    list.replaceChildren(h('li', { class: 'list-error', role: 'alert' }, text.loadFailed, ' ', retry));
    return;
  }
  messages.sort((a, b) => (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''));
  document.getElementById('inbox-count')!.textContent = String(messages.length);
  const items = messages.map((m) => messageItem(text, m));
  items.forEach((item, index) => {
    item.addEventListener('click', () => select(index));
    item.addEventListener('keydown', (event) => {
      const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : -1;
      if (next < 0 || next >= items.length) return;
      event.preventDefault();
      items[next]!.focus();
      select(next);
    });
  });
  // One tab stop for the whole list, as in Outlook: the arrow keys move within it.
  items.forEach((item, i) => (item.tabIndex = i === 0 ? 0 : -1));
  list.replaceChildren(...items.map((item) => h('li', {}, item)));

  function select(index: number): void {
    items.forEach((item, i) => {
      item.setAttribute('aria-current', String(i === index));
      item.tabIndex = i === index ? 0 : -1;
    });
    const message = messages[index]!;
    reading.replaceChildren(readingView(text, message));
    mailbox.select(message);
  }
}
