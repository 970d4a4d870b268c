-- open at period end over decisions (created_at to decided_at)
-- parameters: p0=2026-11-09 00:00:00, p1=2026-11-09 16:00:00, p2=2026-11-10 00:00:00, p3=2026-11-10 16:00:00, p4=2026-11-11 00:00:00, p5=2026-11-11 16:00:00, p6=2026-11-12 00:00:00, p7=2026-11-12 16:00:00, p8=2026-11-13 00:00:00, p9=2026-11-13 16:00:00, p10=2026-11-14 00:00:00, p11=2026-11-14 16:00:00, p12=2026-11-15 00:00:00, p13=2026-11-15 16:00:00, p14=human
SELECT e.bucket_start AS k0,
       count(*) FILTER (WHERE (t."decided_by" = $p14)) AS v0
FROM "decisions" AS t
  JOIN (VALUES (CAST($p0 AS TIMESTAMP), CAST($p1 AS TIMESTAMP)), (CAST($p2 AS TIMESTAMP), CAST($p3 AS TIMESTAMP)), (CAST($p4 AS TIMESTAMP), CAST($p5 AS TIMESTAMP)), (CAST($p6 AS TIMESTAMP), CAST($p7 AS TIMESTAMP)), (CAST($p8 AS TIMESTAMP), CAST($p9 AS TIMESTAMP)), (CAST($p10 AS TIMESTAMP), CAST($p11 AS TIMESTAMP)), (CAST($p12 AS TIMESTAMP), CAST($p13 AS TIMESTAMP))) AS e(bucket_start, snapshot_at) ON t."created_at" < e.snapshot_at AND t."decided_at" >= e.snapshot_at
GROUP BY e.bucket_start;
