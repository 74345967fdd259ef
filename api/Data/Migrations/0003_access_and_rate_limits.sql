-- Who works in which shared mailbox (managed by admins), and per-user request windows for rate limits.

CREATE TABLE mailbox_members (
    mailbox_id uuid NOT NULL REFERENCES mailboxes (id) ON DELETE CASCADE,
    user_name  text NOT NULL CHECK (user_name = lower(user_name)),
    added_by   text NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mailbox_id, user_name)
);
CREATE INDEX mailbox_members_user ON mailbox_members (user_name);

CREATE TABLE rate_limit_windows (
    subject      text NOT NULL,
    window_start timestamptz NOT NULL,
    count        integer NOT NULL,
    PRIMARY KEY (subject, window_start)
);
