import { describe, expect, it } from 'vitest';
import { DemoMailbox } from '../src/demo/demo-mailbox';
import { demoText, messageItem, readingView, senderName } from '../src/demo/mailbox-view';
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

    const item = messageItem(demoText.nb, markup);
    const reading = readingView(demoText.nb, markup);

    expect(item.querySelector('.message-subject')?.textContent).toBe('<b>Hei</b><script>window.pwned=1</script>');
    expect(reading.querySelector('.reading-body')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(item.querySelector('b, script, img')).toBeNull();
    expect(reading.querySelector('b, script, img')).toBeNull();
  });
});
