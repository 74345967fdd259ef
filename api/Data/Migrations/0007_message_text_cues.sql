-- The cleaner's cues (auto-reply, forwarded, ...) kept with the redacted text, so retraining on
-- confirmed decisions sees the same signals the classifier saw.
ALTER TABLE message_texts ADD COLUMN cues text[] NOT NULL DEFAULT '{}';
