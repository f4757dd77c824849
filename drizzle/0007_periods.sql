CREATE TYPE "public"."plan_event_kind" AS ENUM('imported', 'target_revised', 'baseline_carried_over', 'lead_department_set');--> statement-breakpoint
CREATE TYPE "public"."round_kind" AS ENUM('midterm', 'final', 'annual');--> statement-breakpoint
CREATE TABLE "plan_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"seq" integer,
	"kind" "plan_event_kind" NOT NULL,
	"detail" jsonb NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD COLUMN "kind" "round_kind";--> statement-breakpoint
-- Existing rounds: their kind from their plan's years (E = Y final, E = M mid-term).
UPDATE "evaluation_rounds" r SET "kind" = (CASE WHEN r."year" = p."target_year" THEN 'final' WHEN r."year" = p."midterm_year" THEN 'midterm' ELSE 'annual' END)::"round_kind" FROM "plans" p WHERE p."id" = r."plan_id";--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ALTER COLUMN "kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_events_plan_at" ON "plan_events" USING btree ("plan_id","at");