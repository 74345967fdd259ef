-- Carrying out a decision in the mailbox: per-mailbox settings, one action per decision with its
-- progress (exactly once), and the demo mailbox's folders and categories. No message content is
-- stored: message ids are Exchange ids or the keyed hash, errors are codes.

ALTER TABLE mailboxes
    ADD COLUMN journal_mode           text NOT NULL DEFAULT 'move' CHECK (journal_mode IN ('move', 'forward')),
    ADD COLUMN journal_folder         text NOT NULL DEFAULT 'Til journalføring',
    ADD COLUMN archive_import_address text,
    ADD COLUMN forwarded_folder       text NOT NULL DEFAULT 'Videresendt',
    ADD CONSTRAINT mailboxes_journal_forward_has_address CHECK (journal_mode = 'move' OR archive_import_address IS NOT NULL);

CREATE TABLE mailbox_actions (
    decision_id        uuid PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
    mailbox_id         uuid NOT NULL REFERENCES mailboxes (id),
    status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done', 'action_failed')),
    attempts           integer NOT NULL DEFAULT 0,
    message_id         text,
    claim_id           uuid,
    claimed_until      timestamptz,
    performed_by       text,
    forward_started_at timestamptz,
    forwarded_at       timestamptz,
    forwarded_to       text,
    category           text,
    moved_to           text,
    last_error         text CHECK (last_error ~ '^[a-z_]{1,40}$'),
    graph_request_ids  text[] NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    completed_at       timestamptz
);
CREATE INDEX mailbox_actions_unfinished ON mailbox_actions (mailbox_id, status) WHERE status <> 'done';

CREATE TABLE demo_message_state (
    mailbox_id   uuid NOT NULL REFERENCES mailboxes (id),
    message_key  bytea NOT NULL,
    folder       text NOT NULL DEFAULT 'inbox',
    categories   text[] NOT NULL DEFAULT '{}',
    forwarded_to text[] NOT NULL DEFAULT '{}',
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mailbox_id, message_key)
);
