import '../styles/pane.css';
import '../styles/demo.css';
import { createApi } from '../api';
import type { Decision } from '../contract';
import { h } from '../dom';
import { stringsFor } from '../pane/i18n';
import { doneText } from '../pane/mailbox-action';
import { mountPane } from '../pane/pane';
import { teamLeadLinks } from '../team-lead';
import { DemoMailbox } from './demo-mailbox';
import { demoText, messageItem, readingView, toMessage, type DemoMessage } from './mailbox-view';

type Folder = 'inbox' | 'handled';

const language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en-US' : 'nb-NO';
const text = language === 'en-US' ? demoText.en : demoText.nb;
document.documentElement.lang = language.slice(0, 2);

const list = document.getElementById('message-list')!;
const reading = document.getElementById('reading-pane')!;
const toast = document.getElementById('demo-toast')!;
const tabs: Record<Folder, HTMLElement> = { inbox: document.getElementById('folder-inbox')!, handled: document.getElementById('folder-handled')! };
const mailbox = new DemoMailbox(language);
let messages: DemoMessage[] = [];
let folder: Folder = 'inbox';
let selectedId: string | null = null;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

document.getElementById('folders')!.setAttribute('aria-label', text.folders);
document.getElementById('inbox-heading')!.textContent = text.inbox;
document.getElementById('handled-heading')!.textContent = text.handled;
reading.setAttribute('aria-label', text.readingPane);
reading.replaceChildren(readingView(text, null));
for (const [name, tab] of Object.entries(tabs) as [Folder, HTMLElement][]) tab.addEventListener('click', () => showFolder(name));
void loadMailbox();
mountPane(document.getElementById('pane')!, {
  adapter: mailbox,
  api: createApi(),
  links: await teamLeadLinks(language),
  onDecision: (_, decision) => {
    announce(decision);
    void loadMailbox();
  },
});

/** The mailbox comes from the API, so a message that a confirmed action moved out of the inbox leaves the list. */
async function loadMailbox(): Promise<void> {
  try {
    const response = await fetch('/api/demo/messages', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    messages = (await response.json()) as DemoMessage[];
  } catch {
    const retry = h('button', { type: 'button', class: 'button' }, text.retry);
    retry.addEventListener('click', () => void loadMailbox());
    list.replaceChildren(h('li', { class: 'list-error', role: 'alert' }, text.loadFailed, ' ', retry));
    return;
  }
  messages.sort((a, b) => (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''));
  render();
}

function showFolder(name: Folder): void {
  folder = name;
  render();
}

function inFolder(m: DemoMessage, name: Folder): boolean {
  return (m.folder === 'inbox') === (name === 'inbox');
}

function render(): void {
  for (const [name, tab] of Object.entries(tabs) as [Folder, HTMLElement][]) {
    tab.setAttribute('aria-pressed', String(name === folder));
    tab.querySelector('.count')!.textContent = String(messages.filter((m) => inFolder(m, name)).length);
  }
  const shown = messages.filter((m) => inFolder(m, folder));
  const items = shown.map((m) => messageItem(text, m));
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
  const current = shown.findIndex((m) => m.internetMessageId === selectedId);
  // One tab stop for the whole list, as in Outlook: the arrow keys move within it.
  items.forEach((item, i) => {
    item.tabIndex = i === Math.max(current, 0) ? 0 : -1;
    item.setAttribute('aria-current', String(i === current));
  });
  list.replaceChildren(...(items.length > 0 ? items.map((item) => h('li', {}, item)) : [h('li', { class: 'list-empty' }, text.emptyFolder)]));

  function select(index: number): void {
    const message = shown[index]!;
    selectedId = message.internetMessageId;
    items.forEach((item, i) => {
      item.setAttribute('aria-current', String(i === index));
      item.tabIndex = i === index ? 0 : -1;
    });
    reading.replaceChildren(readingView(text, message));
    mailbox.select(toMessage(message));
  }
}

/** Says, as Outlook's own notice would, what the decision did once it was carried out. */
function announce(decision: Decision): void {
  const action = decision.mailboxAction;
  if (action?.status !== 'done') return;
  toast.textContent = text.leftInbox(doneText(stringsFor(language), decision.action, decision.unitName, action));
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 8000);
}
