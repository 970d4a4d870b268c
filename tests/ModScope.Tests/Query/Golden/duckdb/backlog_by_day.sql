-- open at period end over decisions (created_at to decided_at), running sums
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=human, p3=480, p4=480, p5=2026-11-09 00:00:00, p6=2026-11-10 00:00:00, p7=2026-11-11 00:00:00, p8=2026-11-12 00:00:00, p9=2026-11-13 00:00:00, p10=2026-11-14 00:00:00, p11=2026-11-15 00:00:00
WITH ev AS (
  SELECT CAST(date_trunc('day', (greatest(t."created_at", $p0) + to_minutes($p3))) AS TIMESTAMP) AS b, count(*) FILTER (WHERE (t."decided_by" = $p2)) AS c0, count(*) AS c_all
  FROM "decisions" AS t
WHERE (t."created_at" < $p1)
  AND (t."decided_at" IS NOT NULL)
  GROUP BY CAST(date_trunc('day', (greatest(t."created_at", $p0) + to_minutes($p3))) AS TIMESTAMP)
  UNION ALL
  SELECT CAST(date_trunc('day', (greatest(greatest(t."created_at", t."decided_at"), $p0) + to_minutes($p4))) AS TIMESTAMP) AS b, -count(*) FILTER (WHERE (t."decided_by" = $p2)) AS c0, -count(*) AS c_all
  FROM "decisions" AS t
WHERE (greatest(t."created_at", t."decided_at") < $p1)
  AND (t."decided_at" IS NOT NULL)
  GROUP BY CAST(date_trunc('day', (greatest(greatest(t."created_at", t."decided_at"), $p0) + to_minutes($p4))) AS TIMESTAMP))
SELECT k0, v0 FROM (
  SELECT e.bucket_start AS k0, CAST(sum(sum(ev.c0)) OVER (ORDER BY e.bucket_start) AS BIGINT) AS v0, sum(sum(ev.c_all)) OVER (ORDER BY e.bucket_start) AS n
  FROM (VALUES (CAST($p5 AS TIMESTAMP)), (CAST($p6 AS TIMESTAMP)), (CAST($p7 AS TIMESTAMP)), (CAST($p8 AS TIMESTAMP)), (CAST($p9 AS TIMESTAMP)), (CAST($p10 AS TIMESTAMP)), (CAST($p11 AS TIMESTAMP))) AS e(bucket_start)
    LEFT JOIN ev ON ev.b = e.bucket_start
  GROUP BY e.bucket_start) AS r
WHERE n > 0;
