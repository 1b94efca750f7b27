CREATE TABLE "annual_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incubator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"computed" jsonb NOT NULL,
	"cells" jsonb,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"returned_figures" jsonb,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_returns_year_range" CHECK ("annual_returns"."year" between 1987 and 2100)
);
--> statement-breakpoint
CREATE TABLE "official_cells" (
	"snapshot_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"province_code" text NOT NULL,
	"park_number" integer NOT NULL,
	"incubator_type" text NOT NULL,
	"incubator_level" text NOT NULL,
	"field" text NOT NULL,
	"incubators" bigint DEFAULT 0 NOT NULL,
	"tenants_incubating" bigint DEFAULT 0 NOT NULL,
	"graduates_cumulative" bigint DEFAULT 0 NOT NULL,
	"listings_cumulative" bigint DEFAULT 0 NOT NULL,
	"tenants_admitted" bigint DEFAULT 0 NOT NULL,
	"tenants_graduated" bigint DEFAULT 0 NOT NULL,
	"tenants_exited" bigint DEFAULT 0 NOT NULL,
	"investment_total" bigint DEFAULT 0 NOT NULL,
	"incubator_investment_total" bigint DEFAULT 0 NOT NULL,
	"investment_angel" bigint DEFAULT 0 NOT NULL,
	"investment_vc" bigint DEFAULT 0 NOT NULL,
	"investment_government_grant" bigint DEFAULT 0 NOT NULL,
	"investment_bank_loan" bigint DEFAULT 0 NOT NULL,
	"investment_other" bigint DEFAULT 0 NOT NULL,
	"reports_approved" bigint DEFAULT 0 NOT NULL,
	"tenant_revenue" bigint DEFAULT 0 NOT NULL,
	"tenant_rd_spending" bigint DEFAULT 0 NOT NULL,
	"tenant_employees" bigint DEFAULT 0 NOT NULL,
	"tenant_ip_applications" bigint DEFAULT 0 NOT NULL,
	"tenant_ip_granted" bigint DEFAULT 0 NOT NULL,
	"tenant_invention_patents" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"transition_id" bigint,
	"path" text,
	"comment" text NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_deadlines" (
	"year" integer PRIMARY KEY NOT NULL,
	"deadline" date NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"computed" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"return_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"user_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_returns" ADD CONSTRAINT "annual_returns_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_cells" ADD CONSTRAINT "official_cells_snapshot_id_return_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."return_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_comments" ADD CONSTRAINT "return_comments_return_id_annual_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."annual_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_comments" ADD CONSTRAINT "return_comments_transition_id_return_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."return_transitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_comments" ADD CONSTRAINT "return_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_deadlines" ADD CONSTRAINT "return_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_snapshots" ADD CONSTRAINT "return_snapshots_return_id_annual_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."annual_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_snapshots" ADD CONSTRAINT "return_snapshots_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_transitions" ADD CONSTRAINT "return_transitions_return_id_annual_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."annual_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_transitions" ADD CONSTRAINT "return_transitions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_returns_incubator_year" ON "annual_returns" USING btree ("incubator_id","year");--> statement-breakpoint
CREATE INDEX "annual_returns_year_status_idx" ON "annual_returns" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "official_cells_year_idx" ON "official_cells" USING btree ("year","province_code");--> statement-breakpoint
CREATE INDEX "official_cells_return_idx" ON "official_cells" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "official_cells_incubator_idx" ON "official_cells" USING btree ("incubator_id","year");--> statement-breakpoint
CREATE INDEX "return_comments_return_idx" ON "return_comments" USING btree ("return_id","id");--> statement-breakpoint
CREATE INDEX "return_snapshots_return_idx" ON "return_snapshots" USING btree ("return_id","accepted_at");--> statement-breakpoint
CREATE INDEX "return_transitions_return_idx" ON "return_transitions" USING btree ("return_id","id");