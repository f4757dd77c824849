-- Every statement that inserts, changes or deletes approved yearly values bumps the revision of
-- each plan it touched, in the same transaction: whatever writes them (the app, the CLI, psql).
-- Statement triggers with transition tables: one bump per plan and statement, even for bulk loads.
CREATE FUNCTION "bump_plan_revisions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT indicator_id) INTO touched FROM new_rows WHERE state = 'approved';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT indicator_id) INTO touched FROM old_rows WHERE state = 'approved';
  ELSE
    SELECT array_agg(DISTINCT indicator_id) INTO touched FROM (
      SELECT indicator_id FROM new_rows WHERE state = 'approved'
      UNION
      SELECT indicator_id FROM old_rows WHERE state = 'approved'
    ) AS changed;
  END IF;
  IF touched IS NOT NULL THEN
    -- In plan order, so that two transactions bumping the same plans never wait on each other in a cycle.
    INSERT INTO "plan_revisions" AS r ("plan_id", "revision")
      SELECT DISTINCT "plan_id", 1 FROM "indicators" WHERE "id" = ANY (touched) ORDER BY "plan_id"
      ON CONFLICT ("plan_id") DO UPDATE SET "revision" = r."revision" + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "yearly_values_bump_on_insert" AFTER INSERT ON "yearly_values"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_revisions"();
--> statement-breakpoint
CREATE TRIGGER "yearly_values_bump_on_update" AFTER UPDATE ON "yearly_values"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_revisions"();
--> statement-breakpoint
CREATE TRIGGER "yearly_values_bump_on_delete" AFTER DELETE ON "yearly_values"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_revisions"();
