import { describe, expect, it } from 'vitest';
import { DemoMailbox } from '../src/demo/demo-mailbox';
import { demoText, messageItem, readingView, senderName, toMessage } from '../src/demo/mailbox-view';
import { message } from './fakes';

describe('the demo mailbox', () => {
  it('tells the pane when another message is selected', async () => {
    const mailbox = new DemoMailbox('nb-NO');
    const seen: (string | undefined)[] = [];
    mailbox.onItemChanged(() => void mailbox.readCurrent().then((m) => seen.push(m?.internetMessageId)));

    mailbox.select(message());
    mailbox.select(null);
    await Promise.resolve();
    await Promise.resolve();

    expect(seen).toEqual(['<a1@example.no>', undefined]);
  });

  it('shows the sender by name', () => {
    expect(senderName('"Kari Nordmann" <kari@example.no>')).toBe('Kari Nordmann');
    expect(senderName('kari@example.no')).toBe('kari@example.no');
  });

  it('shows a subject or body holding markup as text in the list and the reading pane', () => {
    const markup = message({ subject: '<b>Hei</b><script>window.pwned=1</script>', body: '<img src=x onerror=alert(1)>' });

    const item = messageItem(demoText.nb, { ...markup, folder: 'inbox', categories: [] });
    const reading = readingView(demoText.nb, markup);

    expect(item.querySelector('.message-subject')?.textContent).toBe('<b>Hei</b><script>window.pwned=1</script>');
    expect(reading.querySelector('.reading-body')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(item.querySelector('b, script, img')).toBeNull();
    expect(reading.querySelector('b, script, img')).toBeNull();
  });

  it('shows where a decided message went and its category, and hands the pane the message without them', () => {
    const filed = { ...message(), folder: 'deleteditems', categories: ['MailAssist: Slettet'] };

    const item = messageItem(demoText.nb, filed);

    expect(item.querySelector('[data-testid="message-folder"]')?.textContent).toBe('Slettede elementer');
    expect([...item.querySelectorAll('[data-testid="message-category"]')].map((c) => c.textContent)).toEqual(['MailAssist: Slettet']);
    expect(messageItem(demoText.nb, { ...message(), folder: 'inbox', categories: [] }).querySelector('.message-filing')).toBeNull();
    expect(toMessage(filed)).toEqual(message());
  });
});
