import type { MailboxAdapter } from '../adapter';
import type { MailMessage } from '../contract';

/** The demo page's stand-in for Outlook: the page selects, the pane follows, as with a pinned pane. */
export class DemoMailbox implements MailboxAdapter {
  private selected: MailMessage | null = null;
  private readonly handlers: (() => void)[] = [];

  constructor(readonly displayLanguage: string) {}

  select(message: MailMessage | null): void {
    this.selected = message;
    for (const handler of this.handlers) handler();
  }

  readCurrent(): Promise<MailMessage | null> {
    return Promise.resolve(this.selected);
  }

  /** The demo mailbox in the API finds a message by its Internet message id, so it needs no REST id. */
  itemId(): Promise<string | null> {
    return Promise.resolve(null);
  }

  onItemChanged(handler: () => void): void {
    this.handlers.push(handler);
  }
}
