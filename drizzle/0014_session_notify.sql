-- Every change that ends a session or changes what a signed-in user may see notifies the channel
-- `torch_sessions` with the user's id, in the writing transaction (delivered at its commit, never
-- for a rollback). Each server process listens and drops that user's cached sessions
-- (server/src/modules/auth/session-watch.ts); a trigger, not the services, so that no path that
-- revokes or disables (sign-out, password change or reset, disabling, removing a manager, a
-- script's UPDATE) can forget to.
CREATE FUNCTION torch_sessions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('torch_sessions', (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END)::text);
  IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
    PERFORM pg_notify('torch_sessions', OLD.user_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION torch_users_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('torch_sessions', OLD.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A session revoked, cut short or moved (extending one, as a refresh does, needs no notice: a
-- cached session is trusted only up to the expiry it was read with).
CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR NEW.expires_at < OLD.expires_at
    OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION torch_sessions_notify();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions FOR EACH ROW
  EXECUTE FUNCTION torch_sessions_notify();
--> statement-breakpoint
-- A user disabled, their password or scope changed, or anything /me shows (not the last sign-in).
CREATE TRIGGER users_notify_update AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.disabled IS DISTINCT FROM NEW.disabled OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
    OR OLD.scope_version IS DISTINCT FROM NEW.scope_version OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.province_code IS DISTINCT FROM NEW.province_code OR OLD.company_id IS DISTINCT FROM NEW.company_id
    OR OLD.email IS DISTINCT FROM NEW.email OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION torch_users_notify();
--> statement-breakpoint
CREATE TRIGGER users_notify_delete AFTER DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION torch_users_notify();
