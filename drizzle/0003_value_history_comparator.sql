ALTER TABLE "value_history" ADD COLUMN "old_comparator" text;--> statement-breakpoint
ALTER TABLE "value_history" ADD COLUMN "new_comparator" text;