ALTER TABLE "evaluation_rounds" ADD COLUMN "narrative" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "narrative_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "narrative_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit" text;