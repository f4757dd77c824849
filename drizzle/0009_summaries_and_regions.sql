CREATE TABLE "league_summaries" (
	"plan_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" text NOT NULL,
	"format" text NOT NULL,
	"summary" json NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "league_summaries_plan_id_year_pk" PRIMARY KEY("plan_id","year")
);
--> statement-breakpoint
CREATE TABLE "user_regions" (
	"user_id" integer NOT NULL,
	"code" varchar(4) NOT NULL,
	CONSTRAINT "user_regions_user_id_code_pk" PRIMARY KEY("user_id","code"),
	CONSTRAINT "user_regions_code" CHECK ("user_regions"."code" ~ '^[0-9]{2}([0-9]{2})?$')
);
--> statement-breakpoint
ALTER TABLE "league_summaries" ADD CONSTRAINT "league_summaries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_regions" ADD CONSTRAINT "user_regions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;