CREATE TABLE "investments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"investor_kind" text NOT NULL,
	"investor_name" text,
	"instrument" text NOT NULL,
	"amount" bigint NOT NULL,
	"invested_on" date NOT NULL,
	"round" text,
	"equity_share" numeric,
	"co_investing_vc_amount" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investments_amount_positive" CHECK ("investments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"exchange" text NOT NULL,
	"ticker" text NOT NULL,
	"listed_on" date NOT NULL,
	"amount_raised" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listings_exchange_ticker" UNIQUE("exchange","ticker")
);
--> statement-breakpoint
CREATE TABLE "mentors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incubator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"expertise" text,
	"email" text,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"mentor_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	CONSTRAINT "mentorships_mentor_id_tenant_id_pk" PRIMARY KEY("mentor_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"net_profit" bigint DEFAULT 0 NOT NULL,
	"rd_spending" bigint DEFAULT 0 NOT NULL,
	"taxes_paid" bigint DEFAULT 0 NOT NULL,
	"exports" bigint DEFAULT 0 NOT NULL,
	"employees" integer DEFAULT 0 NOT NULL,
	"phd_employees" integer DEFAULT 0 NOT NULL,
	"college_employees" integer DEFAULT 0 NOT NULL,
	"returned_scholar_employees" integer DEFAULT 0 NOT NULL,
	"fresh_graduates_hired" integer DEFAULT 0 NOT NULL,
	"ip_applications" integer DEFAULT 0 NOT NULL,
	"ip_granted" integer DEFAULT 0 NOT NULL,
	"invention_patents" integer DEFAULT 0 NOT NULL,
	"software_copyrights" integer DEFAULT 0 NOT NULL,
	"other_ip" integer DEFAULT 0 NOT NULL,
	"financing_received" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_year_range" CHECK ("reports"."year" between 1987 and 2100)
);
--> statement-breakpoint
ALTER TABLE "investments" ADD CONSTRAINT "investments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investments" ADD CONSTRAINT "investments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investments" ADD CONSTRAINT "investments_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "investments_tenant_idx" ON "investments" USING btree ("tenant_id","invested_on");--> statement-breakpoint
CREATE INDEX "investments_incubator_idx" ON "investments" USING btree ("incubator_id","invested_on");--> statement-breakpoint
CREATE INDEX "investments_company_idx" ON "investments" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "listings_tenant_idx" ON "listings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "listings_incubator_idx" ON "listings" USING btree ("incubator_id","listed_on");--> statement-breakpoint
CREATE INDEX "mentors_incubator_idx" ON "mentors" USING btree ("incubator_id");--> statement-breakpoint
CREATE INDEX "mentorships_tenant_idx" ON "mentorships" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_company_year" ON "reports" USING btree ("company_id","year");--> statement-breakpoint
CREATE INDEX "reports_incubator_status_idx" ON "reports" USING btree ("incubator_id","status");--> statement-breakpoint
CREATE INDEX "reports_incubator_year_idx" ON "reports" USING btree ("incubator_id","year");