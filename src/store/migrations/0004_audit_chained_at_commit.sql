CREATE TABLE "audit_appends" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"address" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"client" text,
	"reason" text,
	"content_tail" text NOT NULL
);
--> statement-breakpoint
-- Chains a waiting audit entry at COMMIT (deferred): locks the organisation's chain head (created at sequence 0
-- with the genesis hash when absent), numbers the entry after the head, hashes it exactly as auditChain.ts
-- computeAuditHash does (SHA-256 hex of previous hash, "\n" and the canonical content "[sequence," + tail),
-- writes it to the append-only audit_entries, moves the head and removes the waiting row. The head stays
-- locked only for the rest of the commit, so concurrent requests do not wait on each other's round trips.
CREATE OR REPLACE FUNCTION chain_audit_append() RETURNS trigger AS $$
DECLARE
  head_sequence integer;
  head_hash text;
  entry_sequence integer;
  entry_hash text;
BEGIN
  SELECT sequence, hash INTO head_sequence, head_hash FROM audit_chain_heads WHERE organisation_id = NEW.organisation_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (organisation_id, sequence, hash) VALUES (NEW.organisation_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT sequence, hash INTO head_sequence, head_hash FROM audit_chain_heads WHERE organisation_id = NEW.organisation_id FOR UPDATE;
  END IF;
  entry_sequence := head_sequence + 1;
  entry_hash := encode(sha256(convert_to(head_hash || E'\n' || '[' || entry_sequence::text || ',' || NEW.content_tail, 'UTF8')), 'hex');
  INSERT INTO audit_entries (organisation_id, sequence, at, user_id, role, address, action, object_type, object_id, client_id, reason, previous_hash, hash)
  VALUES (NEW.organisation_id, entry_sequence, NEW.at, NEW.actor, NEW.role, NEW.address, NEW.action, NEW.object_type, NEW.object_id, NEW.client, NEW.reason, head_hash, entry_hash);
  UPDATE audit_chain_heads SET sequence = entry_sequence, hash = entry_hash WHERE organisation_id = NEW.organisation_id;
  DELETE FROM audit_appends WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_appends_chain_at_commit AFTER INSERT ON audit_appends
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chain_audit_append();
