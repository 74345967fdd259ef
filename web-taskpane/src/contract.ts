// The shapes of shared/contract.md that the pane sends and reads. JSON is camelCase.

export type Action = 'journalfor' | 'videresend' | 'slett';

export const actions: readonly Action[] = ['journalfor', 'videresend', 'slett'];

export interface AttachmentInfo {
  name: string;
  contentType: string | null;
  size: number;
}

/** The message shape posted to POST /api/classify. */
export interface MailMessage {
  mailbox: string | null;
  internetMessageId: string;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  body: string | null;
  bodyHtml: string | null;
  attachments: AttachmentInfo[];
  receivedAt: string | null;
}

/** How far carrying out a decision in the mailbox got; error is a code such as "graph_unavailable" or "uncertain". */
export interface MailboxAction {
  status: 'pending' | 'in_progress' | 'done' | 'action_failed';
  attempts: number;
  error: string | null;
  forwardedTo: string | null;
  /** A folder's display name, or "deleteditems". */
  movedTo: string | null;
  category: string | null;
  performedBy: string | null;
  updatedAt: string;
  completedAt: string | null;
}

export interface Decision {
  decisionId: string;
  suggestionId: string;
  action: Action;
  unit: string | null;
  unitName: string | null;
  accepted: boolean;
  decidedBy: string;
  decidedAt: string;
  /** Null (or absent, from an older API) before the action was started. */
  mailboxAction?: MailboxAction | null;
}

export interface SimilarMessage {
  suggestionId: string;
  subject: string;
  action: Action;
  unit: string | null;
  unitName: string | null;
  decidedAt: string;
}

export interface Suggestion {
  suggestionId: string;
  action: Action;
  unit: string | null;
  unitName: string | null;
  confidence: number;
  needsReview: boolean;
  explanation: string;
  reasons: string[];
  flags: string[];
  similar: SimilarMessage[];
  classifier: string;
  cached: boolean;
  createdAt: string;
  decision: Decision | null;
}

/** One line of a message's log. Types beyond these three may come: show them generically. */
export interface HistoryEntry {
  type: 'suggestion' | 'decision' | 'action' | (string & {});
  at: string;
  suggestionId: string;
  action?: string | null;
  unit?: string | null;
  unitName?: string | null;
  confidence?: number | null;
  explanation?: string | null;
  classifier?: string | null;
  decisionId?: string | null;
  accepted?: boolean | null;
  decidedBy?: string | null;
  /** Type "action": how carrying out the decision in the mailbox went. */
  status?: MailboxAction['status'] | null;
  error?: string | null;
  attempts?: number | null;
  forwardedTo?: string | null;
  movedTo?: string | null;
  category?: string | null;
  performedBy?: string | null;
}

export interface Unit {
  id: string;
  name: string;
  address: string;
  owns: string;
}

export interface Choice {
  action: Action;
  unit: string | null;
}

/** An RFC 9457 problem as the API writes it. */
export interface Problem {
  title?: string;
  status?: number;
  errors?: Record<string, string[]>;
}
