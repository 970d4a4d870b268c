-- p90 over decisions dated by decided_at
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=human
SELECT t.`queue` AS k0,
       if(length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) = 0, NULL, arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))[toUInt64(floor((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1)))) + 1] * (1 - ((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1)) - floor((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1))))) + arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))[least(toUInt64(floor((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1)))) + 1, length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1) + 1] * ((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1)) - floor((0.9 * (length(arraySort(groupArray(((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0)))) - 1))))) AS v0
FROM `decisions` AS t FINAL
WHERE (t.`decided_at` >= {p0} AND t.`decided_at` < {p1})
  AND ((t.`decided_by` = {p2}))
GROUP BY t.`queue`;

-- ranks near the p90 over decisions
-- parameters: p0=2026-11-08 16:00:00, p1=2026-11-15 16:00:00, p2=human, p3=0.9, p4=2.459963984540054
SELECT k0, n, rn, x FROM (
SELECT k0, x, rn, n FROM (
    SELECT k0, arraySort(groupArray(x)) AS __s, length(__s) AS n FROM (SELECT t.`queue` AS k0, ((toInt64(t.`decided_at`) - toInt64(t.`created_at`)) / 3600.0) AS x
        FROM `decisions` AS t FINAL
WHERE (t.`decided_at` >= {p0} AND t.`decided_at` < {p1})
  AND ((t.`decided_by` = {p2}))) AS v GROUP BY k0)
  ARRAY JOIN __s AS x, arrayEnumerate(__s) AS rn) AS r
WHERE rn >= n * {p3} - {p4} * sqrt(n * {p3} * (1 - {p3})) - 2 AND rn <= n * {p3} + {p4} * sqrt(n * {p3} * (1 - {p3})) + 3;
