-- Spec v2: a stated tolerance of 0 is the indicator's own; none stated is null (the plan default
-- applies). Before v2, 0 meant "none stated", so every stored 0 becomes null: no grade changes.
UPDATE "indicators" SET "target" = jsonb_set("target", '{tolerance}', 'null'::jsonb)
WHERE "target"->'tolerance' = '0'::jsonb;
