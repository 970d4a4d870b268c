-- count over decisions dated by decided_at
-- parameters: p0=480, p1=2026-11-08 16:00:00, p2=2026-11-15 16:00:00
SELECT toStartOfDay(addMinutes(t.`decided_at`, {p0})) AS k0,
       t.`market` AS k1,
       count() AS v0
FROM `decisions` AS t FINAL
WHERE (t.`decided_at` >= {p1} AND t.`decided_at` < {p2})
GROUP BY toStartOfDay(addMinutes(t.`decided_at`, {p0})), t.`market`;
