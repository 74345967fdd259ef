import type { MailMessage } from './contract';

/**
 * Everything the pane needs from the mail client. Outlook's is office/office-adapter.ts;
 * the demo page's is demo/demo-mailbox.ts.
 */
export interface MailboxAdapter {
  /** The client's display language, e.g. "nb-NO" or "en-US". */
  readonly displayLanguage: string;
  /** The selected message in the contract's shape, or null when no message is selected. */
  readCurrent(): Promise<MailMessage | null>;
  /**
   * The selected message's id in Outlook's REST API, which the API acts on through Microsoft Graph; null when
   * the client has none (the demo mailbox finds its messages without one).
   */
  itemId(): Promise<string | null>;
  /** Calls back whenever another item is selected while the pane is open (pinned). */
  onItemChanged(handler: () => void): void;
}
