-- sum over staffing dated by date
-- parameters: p0=USD, p1=2026-11-09, p2=2026-11-16
SELECT CAST(date_trunc('month', CAST(t."date" AS TIMESTAMP)) AS TIMESTAMP) AS k0,
       t."site" AS k1,
       sum((t."scheduled_hours" * (t."hourly_cost" * CASE WHEN l_t_site."cost_currency" = $p0 THEN 1.0 ELSE (SELECT fx.rate FROM fx_rates AS fx WHERE fx.currency = l_t_site."cost_currency" AND fx.date <= CAST(t."date" AS DATE) ORDER BY fx.date DESC LIMIT 1) END))) AS v0
FROM "staffing" AS t
  LEFT JOIN (SELECT *, CASE WHEN row_number() OVER w > 1 THEN "valid_from" ELSE DATE '-infinity' END AS __from, coalesce(lead("valid_from") OVER w, DATE 'infinity') AS __to FROM "sites" WINDOW w AS (PARTITION BY "site_id" ORDER BY "valid_from")) AS l_t_site ON l_t_site."site_id" = t."site" AND t."date" >= l_t_site.__from AND t."date" < l_t_site.__to
WHERE (t."date" >= CAST($p1 AS DATE) AND t."date" < CAST($p2 AS DATE))
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
