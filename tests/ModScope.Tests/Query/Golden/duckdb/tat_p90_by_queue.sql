-- p90 over decisions dated by decided_at
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=human
SELECT t."queue" AS k0,
       quantile_cont(((epoch(t."decided_at") - epoch(t."created_at")) / 3600.0), 0.9) AS v0
FROM "decisions" AS t
WHERE (t."decided_at" >= $p0 AND t."decided_at" < $p1)
  AND ((t."decided_by" = $p2))
GROUP BY t."queue";
