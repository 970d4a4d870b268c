-- count over decisions dated by decided_at
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=human, p3=US, p4=GB
SELECT l_t_market."region" AS k0,
       count(*) FILTER (WHERE (((epoch(t."decided_at") - epoch(t."created_at")) / 3600.0) <= l_t_queue."sla_hours")) AS v0,
       count(*) AS v1
FROM "decisions" AS t
  LEFT JOIN (SELECT *, CASE WHEN row_number() OVER w > 1 THEN "valid_from" ELSE DATE '-infinity' END AS __from, coalesce(lead("valid_from") OVER w, DATE 'infinity') AS __to FROM "markets" WINDOW w AS (PARTITION BY "code" ORDER BY "valid_from")) AS l_t_market ON l_t_market."code" = t."market" AND t."decided_at" >= l_t_market.__from AND t."decided_at" < l_t_market.__to
  LEFT JOIN (SELECT *, CASE WHEN row_number() OVER w > 1 THEN "valid_from" ELSE DATE '-infinity' END AS __from, coalesce(lead("valid_from") OVER w, DATE 'infinity') AS __to FROM "queues" WINDOW w AS (PARTITION BY "queue_id" ORDER BY "valid_from")) AS l_t_queue ON l_t_queue."queue_id" = t."queue" AND t."decided_at" >= l_t_queue.__from AND t."decided_at" < l_t_queue.__to
WHERE (t."decided_at" >= $p0 AND t."decided_at" < $p1)
  AND ((t."decided_by" = $p2))
  AND (t."market" IN ($p3, $p4))
GROUP BY l_t_market."region";
