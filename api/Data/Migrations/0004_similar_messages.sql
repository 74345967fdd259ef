-- Finding earlier messages of a mailbox that read alike (trigram similarity of the redacted text).
-- pg_trgm is a trusted extension: the database owner may create it (on Azure Database for
-- PostgreSQL, allow it first in the server parameter azure.extensions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The start of a message says most about it; signatures, disclaimers and quoted replies come later.
ALTER TABLE message_texts
    ADD COLUMN search_text text GENERATED ALWAYS AS (left(subject || ' ' || body, 500)) STORED;

-- GiST rather than GIN: it also serves ORDER BY search_text <-> query LIMIT n (nearest first).
CREATE INDEX message_texts_search_text ON message_texts USING gist (search_text gist_trgm_ops);
