import type { Decision, HistoryEntry, MailboxAction } from '../contract';
import type { Strings } from './i18n';

type Outcome = Pick<MailboxAction, 'forwardedTo' | 'movedTo'>;

/** What was done in the mailbox, in words: "Videresendt til Byggesak", "Flyttet til Slettede elementer". */
export function doneText(t: Strings, action: string | null | undefined, unitName: string | null | undefined, outcome: Outcome): string {
  const m = t.mailboxAction;
  if (action === 'videresend') return m.forwarded(unitName ?? outcome.forwardedTo ?? '');
  if (outcome.forwardedTo) return m.archived;
  return m.movedTo(outcome.movedTo === 'deleteditems' ? m.deletedItems : (outcome.movedTo ?? ''));
}

/** Why an action failed, in words a member of staff can act on. */
export function reasonText(t: Strings, error: string | null | undefined): string {
  return t.mailboxAction.reasons[error ?? ''] ?? t.mailboxAction.otherReason;
}

/** The pane's status line for a saved decision: how carrying it out in the mailbox went. */
export function actionStatusText(t: Strings, d: Decision): string {
  const action = d.mailboxAction;
  if (!action) return t.status.decided;
  switch (action.status) {
    case 'done':
      return doneText(t, d.action, d.unitName, action);
    case 'action_failed':
      return t.mailboxAction.failed(reasonText(t, action.error));
    default:
      return t.status.actionPending;
  }
}

/** A line of the message's log of type "action". */
export function historyActionText(t: Strings, e: HistoryEntry): string {
  const m = t.mailboxAction;
  switch (e.status) {
    case 'done':
      return m.historyDone(doneText(t, e.action, e.unitName, { forwardedTo: e.forwardedTo ?? null, movedTo: e.movedTo ?? null }));
    case 'action_failed':
      return m.historyFailed(reasonText(t, e.error));
    default:
      return m.historyPending;
  }
}
