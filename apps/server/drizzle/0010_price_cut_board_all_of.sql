-- Issue 9: the board step of a major price cut is all-of (会签, every director), as the
-- implementation rules say. Databases seeded before kept the default chain's board step as
-- "any": move that default step to "all". A rule an administrator changed otherwise is left alone.
UPDATE "approval_rules" r
SET "steps" = (
    SELECT jsonb_agg(
      CASE WHEN s->>'kind' = 'role' AND s->>'role' = 'board' AND s->>'name' = '董事会审批'
        THEN jsonb_set(s, '{mode}', '"all"') ELSE s END
      ORDER BY i)
    FROM jsonb_array_elements(r."steps") WITH ORDINALITY AS t(s, i)
  ),
  "version" = r."version" + 1,
  "updated_at" = now()
WHERE r."doc_type" = 'price_adjustment'
  AND r."steps" @> '[{"kind": "role", "role": "board", "name": "董事会审批", "mode": "any"}]'::jsonb;
