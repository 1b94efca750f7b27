-- Each tenancy keeps the company as its incubator recorded it (SPEC "Company identity across
-- incubators"): a later incubator admitting the company writes its own tenancy and the national
-- record (companies), never an earlier tenancy. Existing tenancies start from the national record
-- as it is now (what an earlier stay recorded before this migration was not kept apart).
ALTER TABLE "tenants" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "founded_on" date;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "field" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "integrated_circuit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "registered_capital" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "founder_traits" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "high_tech_certified_on" date;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "website" text;--> statement-breakpoint
UPDATE "tenants" t SET "name" = c."name", "name_en" = c."name_en", "founded_on" = c."founded_on",
  "field" = c."field", "integrated_circuit" = c."integrated_circuit",
  "registered_capital" = c."registered_capital", "founder_traits" = c."founder_traits",
  "high_tech_certified_on" = c."high_tech_certified_on", "legal_representative" = c."legal_representative",
  "contact_phone" = c."contact_phone", "website" = c."website"
FROM "companies" c WHERE c."id" = t."company_id";--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "founded_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "field" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_field_fields_code_fk" FOREIGN KEY ("field") REFERENCES "public"."fields"("code") ON DELETE no action ON UPDATE no action;
