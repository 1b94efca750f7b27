CREATE TABLE "stats_company_listings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"incubator_id" uuid NOT NULL,
	"listed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_cube" (
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
	"tenant_invention_patents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_cube_year_province_code_park_number_incubator_type_incubator_level_field_pk" PRIMARY KEY("year","province_code","park_number","incubator_type","incubator_level","field")
);
--> statement-breakpoint
CREATE TABLE "stats_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"horizon" integer NOT NULL,
	CONSTRAINT "stats_state_single_row" CHECK ("stats_state"."id" = 1)
);
