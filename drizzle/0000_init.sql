CREATE TYPE "public"."attribute" AS ENUM('expected', 'binding');--> statement-breakpoint
CREATE TYPE "public"."auth_event_kind" AS ENUM('sign_in', 'sign_in_failed', 'sign_in_locked', 'sign_out', 'forbidden');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('confirmed', 'overridden');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('official', 'reviewer', 'leader', 'admin');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('open', 'finalized');--> statement-breakpoint
CREATE TYPE "public"."value_kind" AS ENUM('actual', 'assigned_target');--> statement-breakpoint
CREATE TYPE "public"."value_state" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TABLE "auth_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "auth_event_kind" NOT NULL,
	"username" text,
	"user_id" integer,
	"address" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" varchar(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"province" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_id_is_code" CHECK ("districts"."id" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "evaluation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"decision" "review_decision" NOT NULL,
	"computed_status" text NOT NULL,
	"final_status" text NOT NULL,
	"reason" text,
	"comment" text,
	"reviewed_by" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" "round_status" DEFAULT 'open' NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_by" text,
	"finalized_at" timestamp with time zone,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"attribute" "attribute" NOT NULL,
	"lead_department" text,
	"raw" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"form" text NOT NULL,
	"source" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"district_id" varchar(6) NOT NULL,
	"title" text NOT NULL,
	"baseline_year" integer NOT NULL,
	"midterm_year" integer NOT NULL,
	"target_year" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_years_ordered" CHECK ("plans"."baseline_year" < "plans"."midterm_year" and "plans"."midterm_year" < "plans"."target_year")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_districts" (
	"user_id" integer NOT NULL,
	"district_id" varchar(6) NOT NULL,
	CONSTRAINT "user_districts_user_id_district_id_pk" PRIMARY KEY("user_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"all_districts" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "value_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"value_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"old_value" numeric,
	"new_value" numeric,
	"old_state" "value_state",
	"new_state" "value_state" NOT NULL,
	"reason" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yearly_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" "value_kind" NOT NULL,
	"value" numeric NOT NULL,
	"comparator" text,
	"state" "value_state" DEFAULT 'draft' NOT NULL,
	"note" text,
	"source" text,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_districts" ADD CONSTRAINT "user_districts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_districts" ADD CONSTRAINT "user_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_history" ADD CONSTRAINT "value_history_value_id_yearly_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."yearly_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_values" ADD CONSTRAINT "yearly_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_events_username_at" ON "auth_events" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "auth_events_address_at" ON "auth_events" USING btree ("address","at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_items_round_seq" ON "evaluation_items" USING btree ("round_id","seq");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_plan_year" ON "evaluation_rounds" USING btree ("plan_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_one_open" ON "evaluation_rounds" USING btree ("plan_id","year") WHERE "evaluation_rounds"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_plan_seq" ON "indicators" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_district_period" ON "plans" USING btree ("district_id","baseline_year","target_year");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "value_history_value" ON "value_history" USING btree ("value_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "yearly_values_indicator_year_kind" ON "yearly_values" USING btree ("indicator_id","year","kind");--> statement-breakpoint
CREATE INDEX "yearly_values_state" ON "yearly_values" USING btree ("state");