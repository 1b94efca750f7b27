-- Trigram operators for the name-search indexes below (ships with PostgreSQL's contrib and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "tenants_incubator_status_idx";--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_name_en_trgm_idx" ON "companies" USING gin ("name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_uscc_prefix_idx" ON "companies" USING btree ("uscc" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tenants_incubator_status_idx" ON "tenants" USING btree ("incubator_id","status","admitted_on" DESC NULLS LAST,"id","company_id");