-- Principal cache invalidation (ADR 0005). Every change to the rows a signed-in principal is built
-- from NOTIFYs 'auth_changed' in the changing transaction; PostgreSQL delivers it on commit to
-- every instance's listener (and to the committing connection before its COMMIT returns).
-- Payload: '*' drops every cached principal; 's:<session id>' / 't:<token id>' (space-separated)
-- drop the named credentials. Statement-level, so a bulk change sends one notification.
CREATE FUNCTION auth_cache_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Users (password, active, department, manager, locale …), role membership, roles, grants and
-- departments (name, path, head — scope and masking resolve from them): rare admin changes.
CREATE TRIGGER users_auth_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
CREATE TRIGGER user_roles_auth_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
CREATE TRIGGER roles_auth_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
CREATE TRIGGER role_grants_auth_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_grants
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
CREATE TRIGGER departments_auth_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
-- A deleted session (logout, password change, user disabled): name it, or drop everything when a
-- statement ends many at once. Sessions already expired need no word (the cache checks expiry).
-- Inserts (login) and the sliding-expiry update change nothing a cached principal holds.
CREATE FUNCTION auth_cache_notify_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n int;
  keys text;
BEGIN
  SELECT count(*), string_agg('s:' || id, ' ') INTO n, keys
    FROM (SELECT id FROM old_rows WHERE expires_at > now() LIMIT 51) t;
  IF n > 50 THEN
    PERFORM pg_notify('auth_changed', '*');
  ELSIF n > 0 THEN
    PERFORM pg_notify('auth_changed', keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_cache AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_sessions();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_cache_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
--> statement-breakpoint
-- API tokens: revoked, expiry changed, moved to another user, or deleted (last_used_at is not news).
CREATE FUNCTION auth_cache_notify_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n int;
  keys text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*), string_agg('t:' || id, ' ') INTO n, keys FROM (SELECT id FROM old_rows LIMIT 201) t;
  ELSE
    SELECT count(*), string_agg('t:' || id, ' ') INTO n, keys FROM (
      SELECT o.id FROM old_rows o JOIN new_rows nw ON nw.id = o.id
      WHERE nw.revoked_at IS DISTINCT FROM o.revoked_at OR nw.expires_at IS DISTINCT FROM o.expires_at
        OR nw.user_id IS DISTINCT FROM o.user_id OR nw.token_hash IS DISTINCT FROM o.token_hash
      LIMIT 201) t;
  END IF;
  IF n > 200 THEN
    PERFORM pg_notify('auth_changed', '*');
  ELSIF n > 0 THEN
    PERFORM pg_notify('auth_changed', keys);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_cache_update AFTER UPDATE ON api_tokens
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_tokens();
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_cache_delete AFTER DELETE ON api_tokens
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_tokens();
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_cache_truncate AFTER TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION auth_cache_notify_all();
