-- The default-order index carries the tenancy's names and company, so a name search within an incubator
-- counts its matches from the index alone (an index-only scan) instead of a heap page per tenancy.
DROP INDEX "tenants_incubator_admitted_idx";--> statement-breakpoint
CREATE INDEX "tenants_incubator_admitted_idx" ON "tenants" USING btree ("incubator_id","admitted_on" DESC NULLS LAST,"id","name","name_en","company_id");