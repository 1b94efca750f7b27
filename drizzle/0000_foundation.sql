CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"incubator_id" uuid,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"founded_on" date NOT NULL,
	"field" text NOT NULL,
	"integrated_circuit" boolean DEFAULT false NOT NULL,
	"registered_capital" bigint DEFAULT 0 NOT NULL,
	"founder_traits" text[] DEFAULT '{}'::text[] NOT NULL,
	"high_tech_certified_on" date,
	"legal_representative" text,
	"contact_phone" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "incubator_managers" (
	"user_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	CONSTRAINT "incubator_managers_user_id_incubator_id_pk" PRIMARY KEY("user_id","incubator_id")
);
--> statement-breakpoint
CREATE TABLE "incubators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"province_code" text NOT NULL,
	"city" text NOT NULL,
	"park_number" integer,
	"type" text NOT NULL,
	"field" text,
	"level" text NOT NULL,
	"legal_nature" text NOT NULL,
	"founded_on" date NOT NULL,
	"total_area" numeric DEFAULT 0 NOT NULL,
	"tenant_area" numeric DEFAULT 0 NOT NULL,
	"public_service_area" numeric DEFAULT 0 NOT NULL,
	"fund_size" bigint DEFAULT 0 NOT NULL,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"mentor_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incubators_areas" CHECK ("incubators"."tenant_area" <= "incubators"."total_area")
);
--> statement-breakpoint
CREATE TABLE "fields" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"incubation_months" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"number" integer PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text NOT NULL,
	"city" text NOT NULL,
	"province_code" text NOT NULL,
	"website" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"abbr" text NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text NOT NULL,
	"region" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"incubator_id" uuid NOT NULL,
	"admitted_on" date NOT NULL,
	"area_occupied" numeric DEFAULT 0 NOT NULL,
	"admission_exception_reason" text,
	"incubation_ends_on" date NOT NULL,
	"status" text DEFAULT 'incubating' NOT NULL,
	"graduated_on" date,
	"graduation_criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"unverified_criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"graduation_evidence" text,
	"exited_on" date,
	"exit_reason" text,
	"exit_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_status_dates" CHECK (("tenants"."status" = 'graduated') = ("tenants"."graduated_on" is not null) and ("tenants"."status" = 'exited') = ("tenants"."exited_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"province_code" text,
	"company_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_province_scope" CHECK (("users"."role" = 'province') = ("users"."province_code" is not null)),
	CONSTRAINT "users_tenant_scope" CHECK (("users"."role" = 'tenant') = ("users"."company_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_field_fields_code_fk" FOREIGN KEY ("field") REFERENCES "public"."fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubator_managers" ADD CONSTRAINT "incubator_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubator_managers" ADD CONSTRAINT "incubator_managers_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubators" ADD CONSTRAINT "incubators_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubators" ADD CONSTRAINT "incubators_park_number_parks_number_fk" FOREIGN KEY ("park_number") REFERENCES "public"."parks"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incubators" ADD CONSTRAINT "incubators_field_fields_code_fk" FOREIGN KEY ("field") REFERENCES "public"."fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_incubator_id_incubators_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."incubators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_incubator_idx" ON "audit_log" USING btree ("incubator_id","at");--> statement-breakpoint
CREATE INDEX "incubators_province_idx" ON "incubators" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "incubators_park_idx" ON "incubators" USING btree ("park_number");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_one_incubating_per_company" ON "tenants" USING btree ("company_id") WHERE "tenants"."status" = 'incubating';--> statement-breakpoint
CREATE INDEX "tenants_incubator_status_idx" ON "tenants" USING btree ("incubator_id","status","admitted_on");--> statement-breakpoint
CREATE INDEX "tenants_company_idx" ON "tenants" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "tenants_overdue_idx" ON "tenants" USING btree ("incubation_ends_on") WHERE "tenants"."status" = 'incubating';--> statement-breakpoint
CREATE INDEX "users_company_idx" ON "users" USING btree ("company_id");