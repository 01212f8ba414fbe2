-- GoBD: an issued invoice and its lines are never changed or deleted. A correction is a cancellation invoice
-- plus a new invoice. Only the move from draft to issued (number, date, state) is allowed.
CREATE OR REPLACE FUNCTION refuse_issued_invoice_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state = 'issued' THEN
      RAISE EXCEPTION 'issued invoice % is immutable (GoBD)', OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'issued' THEN
    RAISE EXCEPTION 'issued invoice % is immutable (GoBD)', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_issued_invoice_line_change() RETURNS trigger AS $$
DECLARE
  invoice_state text;
BEGIN
  SELECT state INTO invoice_state FROM invoices
    WHERE organisation_id = COALESCE(OLD.organisation_id, NEW.organisation_id) AND id = COALESCE(OLD.invoice_id, NEW.invoice_id);
  IF invoice_state = 'issued' THEN
    RAISE EXCEPTION 'lines of issued invoice % are immutable (GoBD)', COALESCE(OLD.invoice_id, NEW.invoice_id) USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_issued_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_line_change();
