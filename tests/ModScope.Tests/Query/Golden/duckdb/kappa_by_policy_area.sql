-- double-audit pairs for qa_agreement_kappa
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=automated
SELECT l_d_policy_id."parent_id" AS k0,
       t.first_rating AS v0,
       t.second_rating AS v1,
       count(*) AS v2
FROM (SELECT "decision_id", max("qa_verdict") FILTER (WHERE __rn = 1) AS first_rating, max("qa_verdict") FILTER (WHERE __rn = 2) AS second_rating FROM (SELECT *, row_number() OVER (PARTITION BY "decision_id" ORDER BY "audited_at", "audit_id") AS __rn FROM "qa_audits") AS n GROUP BY "decision_id" HAVING count(*) >= 2) AS t
  JOIN "decisions" AS d ON d."decision_id" = t."decision_id"
  LEFT JOIN (SELECT *, CASE WHEN row_number() OVER w > 1 THEN "valid_from" ELSE DATE '-infinity' END AS __from, coalesce(lead("valid_from") OVER w, DATE 'infinity') AS __to FROM "policies" WINDOW w AS (PARTITION BY "policy_id" ORDER BY "valid_from")) AS l_d_policy_id ON l_d_policy_id."policy_id" = d."policy_id" AND d."decided_at" >= l_d_policy_id.__from AND d."decided_at" < l_d_policy_id.__to
WHERE (d."decided_at" >= $p0 AND d."decided_at" < $p1)
  AND ((d."decided_by" IS NULL OR d."decided_by" NOT IN ($p2)))
GROUP BY l_d_policy_id."parent_id", t.first_rating, t.second_rating;
