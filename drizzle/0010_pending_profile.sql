ALTER TABLE "tenants" ADD COLUMN "pending_profile" jsonb;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "pending_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tenants_pending_idx" ON "tenants" USING btree ("incubator_id") WHERE "tenants"."pending_profile" is not null;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_pending_since" CHECK (("tenants"."pending_profile" is null) = ("tenants"."pending_since" is null));