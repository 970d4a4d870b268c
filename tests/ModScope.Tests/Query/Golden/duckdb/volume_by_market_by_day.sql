-- count over decisions dated by decided_at
-- parameters: p0=480, p1=2026-11-08 16:00:00, p2=2026-11-15 16:00:00
SELECT CAST(date_trunc('day', (t."decided_at" + to_minutes($p0))) AS TIMESTAMP) AS k0,
       t."market" AS k1,
       count(*) AS v0
FROM "decisions" AS t
WHERE (t."decided_at" >= $p1 AND t."decided_at" < $p2)
GROUP BY CAST(date_trunc('day', (t."decided_at" + to_minutes($p0))) AS TIMESTAMP), t."market";
