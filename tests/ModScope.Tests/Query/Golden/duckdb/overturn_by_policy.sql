-- count over appeals dated by decision.decided_at
-- parameters: p0=overturned, p1=2026-11-08 16:00:00, p2=2026-11-15 16:00:00
SELECT d."policy_id" AS k0,
       count(*) FILTER (WHERE (t."outcome" = $p0)) AS v0,
       count(*) FILTER (WHERE (t."outcome" IS NOT NULL)) AS v1
FROM "appeals" AS t
  JOIN "decisions" AS d ON d."decision_id" = t."decision_id"
WHERE (d."decided_at" >= $p1 AND d."decided_at" < $p2)
GROUP BY d."policy_id";
