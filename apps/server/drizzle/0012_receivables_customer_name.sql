-- ADR 0003: the arrears list is paged in customer-name order from receivable_invoices, which
-- keeps a copy of the name as its sort key; a renamed customer moves its rows in the same
-- transaction, whichever code path renames it.
CREATE OR REPLACE FUNCTION receivable_invoices_customer_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE receivable_invoices SET customer_name = NEW.name WHERE customer_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_receivable_name AFTER UPDATE OF name ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION receivable_invoices_customer_name();
