ALTER TYPE "public"."auth_event_kind" ADD VALUE 'password_changed' BEFORE 'sign_out';--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_deletions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" "value_kind" NOT NULL,
	"value" numeric NOT NULL,
	"comparator" text,
	"state" "value_state" NOT NULL,
	"note" text,
	"source" text,
	"version" integer NOT NULL,
	"history" jsonb NOT NULL,
	"reason" text,
	"deleted_by" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "yearly_values" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "value_deletions" ADD CONSTRAINT "value_deletions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_deletions_indicator" ON "value_deletions" USING btree ("indicator_id","year");--> statement-breakpoint
CREATE INDEX "auth_events_at" ON "auth_events" USING btree ("at");--> statement-breakpoint
-- Figures stored by `demo seed` (source and author both "demo") are the illustrative ones; a user's own "demo" source is not.
UPDATE "yearly_values" SET "demo" = true WHERE "source" = 'demo' AND "updated_by" = 'demo';
