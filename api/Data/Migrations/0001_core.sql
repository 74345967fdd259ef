-- Mailboxes, their unit directory, suggestions, decisions and idempotency keys.
-- No subject, body, attachment name or sender address is stored in clear: a keyed hash
-- identifies the message, and only the sender's domain is kept.

CREATE TABLE mailboxes (
    id           uuid PRIMARY KEY,
    address      text NOT NULL UNIQUE,
    display_name text NOT NULL,
    is_default   boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX mailboxes_single_default ON mailboxes (is_default) WHERE is_default;

CREATE TABLE units (
    mailbox_id uuid NOT NULL REFERENCES mailboxes (id),
    id         text NOT NULL,
    name       text NOT NULL,
    address    text NOT NULL,
    owns       text NOT NULL,
    kind       text NOT NULL,
    PRIMARY KEY (mailbox_id, id)
);

CREATE TABLE suggestions (
    id                uuid PRIMARY KEY,
    mailbox_id        uuid NOT NULL REFERENCES mailboxes (id),
    message_key       bytea NOT NULL,
    sender_domain     text NOT NULL,
    received_at       timestamptz,
    action            text NOT NULL CHECK (action IN ('journalfor', 'videresend', 'slett')),
    unit_id           text,
    confidence        double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    needs_review      boolean NOT NULL,
    explanation       text NOT NULL,
    reasons           text[] NOT NULL,
    flags             text[] NOT NULL,
    classifier        text NOT NULL,
    prompt_tokens     integer,
    completion_tokens integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (mailbox_id, message_key),
    FOREIGN KEY (mailbox_id, unit_id) REFERENCES units (mailbox_id, id),
    CHECK ((action = 'slett') = (unit_id IS NULL))
);

CREATE TABLE decisions (
    id            uuid PRIMARY KEY,
    suggestion_id uuid NOT NULL UNIQUE REFERENCES suggestions (id),
    mailbox_id    uuid NOT NULL REFERENCES mailboxes (id),
    action        text NOT NULL CHECK (action IN ('journalfor', 'videresend', 'slett')),
    unit_id       text,
    accepted      boolean NOT NULL,
    decided_by    text NOT NULL,
    decided_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (mailbox_id, unit_id) REFERENCES units (mailbox_id, id),
    CHECK ((action = 'slett') = (unit_id IS NULL))
);
CREATE INDEX decisions_mailbox_decided_at ON decisions (mailbox_id, decided_at);

CREATE TABLE idempotency_keys (
    decided_by   text NOT NULL,
    key          text NOT NULL,
    request_hash bytea NOT NULL,
    decision_id  uuid NOT NULL REFERENCES decisions (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (decided_by, key)
);

-- Redacted text kept for retraining and for finding similar messages; deleted after the retention period.
CREATE TABLE message_texts (
    suggestion_id    uuid PRIMARY KEY REFERENCES suggestions (id) ON DELETE CASCADE,
    mailbox_id       uuid NOT NULL REFERENCES mailboxes (id),
    subject          text NOT NULL,
    body             text NOT NULL,
    attachment_names text[] NOT NULL,
    sender_domain    text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_texts_created_at ON message_texts (created_at);

CREATE TABLE classifier_models (
    version           integer PRIMARY KEY,
    created_at        timestamptz NOT NULL DEFAULT now(),
    training_examples integer NOT NULL,
    metrics           jsonb NOT NULL,
    payload           bytea NOT NULL
);
