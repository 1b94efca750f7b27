-- Defence in depth (docs/security.md "Row-level security"): the server serves as torch_app, a role
-- that owns nothing and may not rewrite the audit log; every table that belongs to an incubator
-- shows torch_app only the rows of the caller's scope, which the server declares per connection
-- in the setting torch.scope (server/src/db/scoped-client.ts):
--   'all'                      the Torch Center, and the server's own cross-scope reads
--   'province:<code>'          a province's incubators
--   'incubators:{<id>,<id>}'   a manager's incubators
--   'company:<id>'             a company's own records
--   unset or ''                nothing
-- A query that forgets the application's scope filter still sees nothing outside the scope.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'torch_app') THEN
    CREATE ROLE torch_app NOLOGIN;
  END IF;
END $$;--> statement-breakpoint
-- The owner (who runs the migrations) serves as torch_app by SET ROLE unless APP_DATABASE_URL names
-- a login role of its own (granted torch_app).
GRANT torch_app TO CURRENT_USER;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO torch_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO torch_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO torch_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO torch_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO torch_app;--> statement-breakpoint
-- The audit log is append-only for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM torch_app;--> statement-breakpoint

-- The scope, read once per statement: policies call these inside (SELECT …), which the planner
-- evaluates once as an InitPlan rather than per row.
CREATE FUNCTION torch_scope() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('torch.scope', true), '')
$$;--> statement-breakpoint
CREATE FUNCTION torch_scope_all() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT torch_scope() = 'all'
$$;--> statement-breakpoint
CREATE FUNCTION torch_scope_incubators() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN torch_scope() LIKE 'incubators:%' THEN substr(torch_scope(), 12)::uuid[] ELSE '{}'::uuid[] END
$$;--> statement-breakpoint
CREATE FUNCTION torch_scope_province() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN torch_scope() LIKE 'province:%' THEN substr(torch_scope(), 10) END
$$;--> statement-breakpoint
CREATE FUNCTION torch_scope_company() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN torch_scope() LIKE 'company:%' THEN substr(torch_scope(), 9)::uuid END
$$;--> statement-breakpoint

-- The incubators that host or hosted a company (a company sees its incubators' names). Read
-- across scopes: a policy on incubators reading tenants, whose policy reads incubators, would
-- otherwise recurse. It answers incubator ids only.
CREATE FUNCTION torch_company_hosts(p_company uuid) RETURNS uuid[] LANGUAGE sql STABLE
SET torch.scope = 'all' AS $$
  SELECT coalesce(array_agg(DISTINCT incubator_id), '{}') FROM tenants WHERE company_id = p_company
$$;--> statement-breakpoint

-- Incubators: by id or by province; a company also reads (only reads) its hosts.
ALTER TABLE incubators ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE incubators FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY scoped ON incubators USING (
  (SELECT torch_scope_all())
  OR id = ANY ((SELECT torch_scope_incubators())::uuid[])
  OR province_code = (SELECT torch_scope_province())
);--> statement-breakpoint
CREATE POLICY hosts ON incubators FOR SELECT USING (
  id = ANY ((SELECT torch_company_hosts((SELECT torch_scope_company())))::uuid[])
);--> statement-breakpoint

-- A company's records in an incubator: the incubator's scope, or the company's own.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenants', 'reports', 'investments', 'listings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY scoped ON %I USING (
      (SELECT torch_scope_all())
      OR incubator_id = ANY ((SELECT torch_scope_incubators())::uuid[])
      OR incubator_id IN (SELECT id FROM incubators WHERE province_code = (SELECT torch_scope_province()))
      OR company_id = (SELECT torch_scope_company())
    )$p$, t);
  END LOOP;
END $$;--> statement-breakpoint

-- An incubator's own records.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mentors', 'annual_returns', 'return_snapshots', 'imports', 'import_mappings',
    'import_progress'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY scoped ON %I USING (
      (SELECT torch_scope_all())
      OR incubator_id = ANY ((SELECT torch_scope_incubators())::uuid[])
      OR incubator_id IN (SELECT id FROM incubators WHERE province_code = (SELECT torch_scope_province()))
    )$p$, t);
  END LOOP;
END $$;--> statement-breakpoint

-- A company also reads its incubators' mentors (who mentors it).
CREATE POLICY hosts ON mentors FOR SELECT USING (
  incubator_id = ANY ((SELECT torch_company_hosts((SELECT torch_scope_company())))::uuid[])
);--> statement-breakpoint

-- The audit log: anyone may append; reading is the incubator's scope (rows of no incubator: 'all').
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY append ON audit_log FOR INSERT WITH CHECK (true);--> statement-breakpoint
CREATE POLICY scoped ON audit_log FOR SELECT USING (
  (SELECT torch_scope_all())
  OR incubator_id = ANY ((SELECT torch_scope_incubators())::uuid[])
  OR incubator_id IN (SELECT id FROM incubators WHERE province_code = (SELECT torch_scope_province()))
);--> statement-breakpoint

-- The statistics triggers keep national totals exact whoever writes: they read across scopes.
ALTER FUNCTION stats_on_incubators() SET torch.scope = 'all';--> statement-breakpoint
ALTER FUNCTION stats_on_tenants() SET torch.scope = 'all';--> statement-breakpoint
ALTER FUNCTION stats_on_investments() SET torch.scope = 'all';--> statement-breakpoint
ALTER FUNCTION stats_on_reports() SET torch.scope = 'all';--> statement-breakpoint
ALTER FUNCTION stats_on_listings() SET torch.scope = 'all';--> statement-breakpoint
ALTER FUNCTION stats_on_companies() SET torch.scope = 'all';
