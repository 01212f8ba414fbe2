-- A write that is one statement (no BEGIN/COMMIT; resourceRoutes.ts creates a record this way) checks its own
-- references and the client it writes into in its RETURNING, and passes the result here: false raises, and the
-- whole statement, its audit entry included, is undone. The server then explains the refusal (400/404) by
-- trying the write once more inside a transaction that it rolls back.
CREATE OR REPLACE FUNCTION teilhabe_refuse_unless(checked boolean) RETURNS boolean AS $$
BEGIN
  IF checked IS NOT TRUE THEN
    RAISE EXCEPTION 'Teilhabe: Schreiben abgelehnt (Prüfung der Verweise oder der Zuordnung)' USING ERRCODE = 'TH001';
  END IF;
  RETURN true;
END;
$$ LANGUAGE plpgsql;
