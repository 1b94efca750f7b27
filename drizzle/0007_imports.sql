CREATE TABLE "import_mappings" (
	"incubator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_incubator_id_kind_pk" PRIMARY KEY("incubator_id","kind")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incubator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"header_index" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created" integer,
	"updated" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_incubator_idx" ON "imports" USING btree ("incubator_id","created_at");--> statement-breakpoint
-- A deferred transaction (bulk loads, import commits) also skips the statement-level version bump:
-- thousands of statements bumping the one stats_state row in one transaction step over each
-- other's row versions (quadratic). Deferring code bumps the version itself, once, before it writes
-- (rebuild_stats does; so does the import commit), so writers still queue there and caches expire.
DROP TRIGGER stats_touch ON tenants;--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON tenants FOR EACH STATEMENT
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION stats_touch();--> statement-breakpoint
DROP TRIGGER stats_touch ON investments;--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON investments FOR EACH STATEMENT
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION stats_touch();--> statement-breakpoint
DROP TRIGGER stats_touch ON listings;--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON listings FOR EACH STATEMENT
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION stats_touch();--> statement-breakpoint
DROP TRIGGER stats_touch ON reports;--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE INSERT OR UPDATE OR DELETE ON reports FOR EACH STATEMENT
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION stats_touch();--> statement-breakpoint
DROP TRIGGER stats_touch ON companies;--> statement-breakpoint
CREATE TRIGGER stats_touch BEFORE UPDATE OF field ON companies FOR EACH STATEMENT
  WHEN (current_setting('torch.stats_deferred', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION stats_touch();
