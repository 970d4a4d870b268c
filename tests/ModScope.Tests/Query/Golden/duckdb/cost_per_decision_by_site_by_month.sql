-- sum over staffing dated by date
-- parameters: p0=2026-11-09, p1=2026-11-16
SELECT CAST(date_trunc('month', CAST(t."date" AS TIMESTAMP)) AS TIMESTAMP) AS k0,
       t."site" AS k1,
       sum((t."scheduled_hours" * t."hourly_cost")) AS v0
FROM "staffing" AS t
WHERE (t."date" >= CAST($p0 AS DATE) AND t."date" < CAST($p1 AS DATE))
GROUP BY CAST(date_trunc('month', CAST(t."date" AS TIMESTAMP)) AS TIMESTAMP), t."site";

-- count over decisions dated by decided_at
-- parameters: p0=Asia/Singapore, p1=human, p2=2026-11-08 16:00:00, p3=2026-11-15 16:00:00
SELECT CAST(date_trunc('month', timezone($p0, CAST(t."decided_at" AS TIMESTAMPTZ))) AS TIMESTAMP) AS k0,
       t."site" AS k1,
       count(*) FILTER (WHERE (t."decided_by" = $p1)) AS v0
FROM "decisions" AS t
WHERE (t."decided_at" >= $p2 AND t."decided_at" < $p3)
GROUP BY CAST(date_trunc('month', timezone($p0, CAST(t."decided_at" AS TIMESTAMPTZ))) AS TIMESTAMP), t."site";
