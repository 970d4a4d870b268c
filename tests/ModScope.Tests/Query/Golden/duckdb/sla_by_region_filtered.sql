-- count over decisions dated by decided_at
-- parameters: p0=human, p1=human, p2=2026-11-08 16:00:00, p3=2026-11-15 16:00:00, p4=US, p5=GB
SELECT l_t_market."region" AS k0,
       count(*) FILTER (WHERE (t."decided_by" = $p0) AND (((epoch(t."decided_at") - epoch(t."created_at")) / 3600.0) <= l_t_queue."sla_hours")) AS v0,
       count(*) FILTER (WHERE (t."decided_by" = $p1)) AS v1
FROM "decisions" AS t
  LEFT JOIN "markets" AS l_t_market ON l_t_market."code" = t."market"
  LEFT JOIN "queues" AS l_t_queue ON l_t_queue."queue_id" = t."queue"
WHERE (t."decided_at" >= $p2 AND t."decided_at" < $p3)
  AND (t."market" IN ($p4, $p5))
GROUP BY l_t_market."region";
