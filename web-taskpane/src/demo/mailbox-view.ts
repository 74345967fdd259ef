import type { MailMessage } from '../contract';
import { h } from '../dom';

export const demoText = {
  nb: {
    inbox: 'Innboks',
    handled: 'Behandlet',
    folders: 'Mapper',
    deletedItems: 'Slettede elementer',
    emptyFolder: 'Ingen e-post her.',
    leftInbox: (what: string) => `${what}. E-posten er flyttet ut av innboksen.`,
    readingPane: 'Lesepanel',
    pick: 'Velg en e-post i listen for å lese den.',
    to: 'Til',
    cc: 'Kopi',
    attachments: 'Vedlegg',
    noSubject: '(uten emne)',
    loadFailed: 'Klarte ikke å hente demopostkassen.',
    retry: 'Prøv igjen',
    locale: 'nb-NO',
  },
  en: {
    inbox: 'Inbox',
    handled: 'Handled',
    folders: 'Folders',
    deletedItems: 'Deleted Items',
    emptyFolder: 'No email here.',
    leftInbox: (what: string) => `${what}. The email has left the inbox.`,
    readingPane: 'Reading pane',
    pick: 'Select an email in the list to read it.',
    to: 'To',
    cc: 'Cc',
    attachments: 'Attachments',
    noSubject: '(no subject)',
    loadFailed: 'Could not get the demo mailbox.',
    retry: 'Try again',
    locale: 'en-GB',
  },
};

export type DemoText = (typeof demoText)['nb'];

/** A message of the demo mailbox as /api/demo/messages serves it: where a decision moved it, with its categories. */
export interface DemoMessage extends MailMessage {
  /** "inbox", "deleteditems" or a folder's display name. */
  folder: string;
  categories: string[];
}

/** The message as the pane reads it from the mail client: the contract's shape, without the demo's folder. */
export function toMessage({ folder: _folder, categories: _categories, ...message }: DemoMessage): MailMessage {
  return message;
}

export function folderName(text: DemoText, folder: string): string {
  return folder === 'deleteditems' ? text.deletedItems : folder;
}

/** "Kari Nordmann" from "Kari Nordmann <kari@example.no>". */
export function senderName(from: string | null): string {
  if (!from) return '';
  const angle = from.indexOf('<');
  return angle > 0 ? from.slice(0, angle).trim().replace(/^"|"$/g, '') : from;
}

export function messageItem(text: DemoText, m: DemoMessage): HTMLButtonElement {
  const received = m.receivedAt ? new Date(m.receivedAt) : null;
  const filed = m.folder !== 'inbox' || m.categories.length > 0;
  return h(
    'button',
    { type: 'button', class: 'message-item', 'data-testid': 'message-item', 'data-message-id': m.internetMessageId },
    h('span', { class: 'message-from' }, senderName(m.from)),
    received && h('time', { class: 'message-time', datetime: m.receivedAt ?? '' }, received.toLocaleDateString(text.locale, { day: 'numeric', month: 'short' })),
    h('span', { class: 'message-subject' }, m.attachments.length > 0 && h('span', { class: 'clip', title: text.attachments }), m.subject || text.noSubject),
    h('span', { class: 'message-preview' }, (m.body ?? '').replace(/\s+/g, ' ').slice(0, 90)),
    filed &&
      h(
        'span',
        { class: 'message-filing' },
        m.folder !== 'inbox' && h('span', { class: 'message-folder', 'data-testid': 'message-folder' }, folderName(text, m.folder)),
        ...m.categories.map((c) => h('span', { class: 'category', 'data-testid': 'message-category' }, c)),
      ),
  );
}

export function readingView(text: DemoText, m: MailMessage | null): HTMLElement {
  if (!m) return h('p', { class: 'reading-empty' }, text.pick);
  return h(
    'div',
    {},
    h('h1', { class: 'reading-subject' }, m.subject || text.noSubject),
    h('p', { class: 'reading-from' }, m.from ?? ''),
    h('p', { class: 'reading-meta' }, `${text.to}: ${m.to.join('; ')}`),
    m.cc.length > 0 && h('p', { class: 'reading-meta' }, `${text.cc}: ${m.cc.join('; ')}`),
    m.receivedAt && h('p', { class: 'reading-meta' }, new Date(m.receivedAt).toLocaleString(text.locale, { dateStyle: 'full', timeStyle: 'short' })),
    m.attachments.length > 0 &&
      h(
        'ul',
        { class: 'attachments', 'aria-label': text.attachments },
        ...m.attachments.map((a) => h('li', { class: 'attachment' }, h('span', { class: 'attachment-name' }, a.name), h('span', { class: 'attachment-size' }, `${Math.max(1, Math.round(a.size / 1024))} kB`))),
      ),
    h('div', { class: 'reading-body' }, m.body ?? ''),
  );
}
