-- Only decided messages are ever shown as similar or given as examples, so only they are indexed:
-- a nearest-first search then never walks undecided texts, however many arrive.
ALTER TABLE message_texts ADD COLUMN decided boolean NOT NULL DEFAULT false;

UPDATE message_texts mt SET decided = true
WHERE EXISTS (SELECT 1 FROM decisions d WHERE d.suggestion_id = mt.suggestion_id);

CREATE FUNCTION mark_message_text_decided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_texts SET decided = true WHERE suggestion_id = NEW.suggestion_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER decisions_mark_message_text_decided
    AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION mark_message_text_decided();

DROP INDEX message_texts_search_text;
CREATE INDEX message_texts_decided_search_text ON message_texts USING gist (search_text gist_trgm_ops) WHERE decided;
