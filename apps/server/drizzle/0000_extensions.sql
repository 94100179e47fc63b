-- Custom migration: extensions the schema relies on (trigram keyword search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
