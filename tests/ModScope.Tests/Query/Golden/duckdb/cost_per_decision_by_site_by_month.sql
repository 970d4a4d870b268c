-- sum over staffing dated by date
-- parameters: p0=2026-11-09, p1=2026-11-16
SELECT CAST(date_trunc('month', CAST(t."date" AS TIMESTAMP)) AS TIMESTAMP) AS k0,
       t."site" AS k1,
       sum((t."scheduled_hours" * t."hourly_cost")) AS v0
FROM "staffing" AS t
WHERE (t."date" >= CAST($p0 AS DATE) AND t."date" < CAST($p1 AS DATE))
GROUP BY CAST(date_trunc('month', CAST(t."date" AS TIMESTAMP)) AS TIMESTAMP), t."site";

-- count over decisions dated by decided_at
-- parameters: p0=480, p1=2026-11-08 16:00:00, p2=2026-11-15 16:00:00, p3=human
SELECT CAST(date_trunc('month', (t."decided_at" + to_minutes($p0))) AS TIMESTAMP) AS k0,
       t."site" AS k1,
       count(*) AS v0
FROM "decisions" AS t
WHERE (t."decided_at" >= $p1 AND t."decided_at" < $p2)
  AND ((t."decided_by" = $p3))
GROUP BY CAST(date_trunc('month', (t."decided_at" + to_minutes($p0))) AS TIMESTAMP), t."site";
