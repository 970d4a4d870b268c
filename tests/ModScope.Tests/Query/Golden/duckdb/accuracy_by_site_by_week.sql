-- QA strata for qa_accuracy
-- parameters: p0=480, p1=none, p2=2026-11-08 16:00:00, p3=2026-11-15 16:00:00
SELECT CAST(date_trunc('week', (d."decided_at" + to_minutes($p0))) AS TIMESTAMP) AS k0,
       d."site" AS k1,
       t."stratum" AS v0,
       max(t."stratum_population") AS v1,
       max(t."stratum_sample_size") AS v2,
       count(*) AS v3,
       count(*) FILTER (WHERE (t."error_type" = $p1)) AS v4
FROM (SELECT *, row_number() OVER (PARTITION BY "decision_id" ORDER BY "audited_at", "audit_id") AS __rn FROM "qa_audits") AS t
  JOIN "decisions" AS d ON d."decision_id" = t."decision_id"
WHERE (t.__rn = 1)
  AND (d."decided_at" >= $p2 AND d."decided_at" < $p3)
GROUP BY CAST(date_trunc('week', (d."decided_at" + to_minutes($p0))) AS TIMESTAMP), d."site", t."stratum";
