import type { MailboxAdapter } from '../adapter';
import type { MailMessage } from '../contract';

type OfficeApi = typeof Office;

/** Outlook through Office.js: the selected message in read mode, followed as the selection changes. */
export function officeAdapter(office: OfficeApi): MailboxAdapter {
  const mailbox = office.context.mailbox;
  return {
    displayLanguage: office.context.displayLanguage,

    async readCurrent() {
      const item = mailbox.item as Office.MessageRead | null | undefined;
      if (!item || item.itemType !== office.MailboxEnums.ItemType.Message) return null;
      const [body, address] = await Promise.all([
        call<string>((done) => item.body.getAsync(office.CoercionType.Text, done), office),
        mailboxAddress(item, mailbox, office),
      ]);
      return toMessage(item, body, address);
    },

    async itemId() {
      const item = mailbox.item as Office.MessageRead | null | undefined;
      return item?.itemId ? mailbox.convertToRestId(item.itemId, office.MailboxEnums.RestVersion.v2_0) : null;
    },

    onItemChanged(handler) {
      mailbox.addHandlerAsync(office.EventType.ItemChanged, () => handler());
    },
  };
}

/** The contract's message shape from an Outlook item in read mode. */
export function toMessage(item: Office.MessageRead, body: string, mailbox: string): MailMessage {
  return {
    mailbox,
    internetMessageId: item.internetMessageId,
    from: item.from ? address(item.from) : null,
    to: (item.to ?? []).map(address),
    cc: (item.cc ?? []).map(address),
    subject: item.subject ?? null,
    body,
    bodyHtml: null,
    // Inline attachments are pictures in the body (signatures, logos), not documents sent to the municipality.
    attachments: (item.attachments ?? []).filter((a) => !a.isInline).map((a) => ({ name: a.name, contentType: a.contentType ?? null, size: a.size })),
    receivedAt: item.dateTimeCreated ? item.dateTimeCreated.toISOString() : null,
  };
}

function address(details: Office.EmailAddressDetails): string {
  return details.displayName && details.displayName !== details.emailAddress ? `${details.displayName} <${details.emailAddress}>` : details.emailAddress;
}

/** The shared mailbox the item lives in (postmottak), else the signed-in person's own. */
async function mailboxAddress(item: Office.MessageRead, mailbox: Office.Mailbox, office: OfficeApi): Promise<string> {
  if (typeof item.getSharedPropertiesAsync === 'function') {
    try {
      const shared = await call<Office.SharedProperties>((done) => item.getSharedPropertiesAsync(done), office);
      if (shared.targetMailbox) return shared.targetMailbox;
    } catch {
      // Not in a shared folder or mailbox: the item is in the person's own mailbox.
    }
  }
  return mailbox.userProfile.emailAddress;
}

function call<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void, office: OfficeApi): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) => (result.status === office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(new Error(result.error?.message ?? 'Office call failed')))),
  );
}
