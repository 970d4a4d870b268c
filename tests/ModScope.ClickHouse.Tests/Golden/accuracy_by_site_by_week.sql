-- QA strata for qa_accuracy
-- parameters: p0=480, p1=none, p2=2026-11-08 16:00:00, p3=2026-11-15 16:00:00
SELECT toDateTime(toMonday(addMinutes(`d__decided_at`, {p0}))) AS k0,
       `d__site` AS k1,
       t.`stratum` AS v0,
       if(countIf((t.`stratum_population`) IS NOT NULL) = 0, NULL, max(t.`stratum_population`)) AS v1,
       if(countIf((t.`stratum_sample_size`) IS NOT NULL) = 0, NULL, max(t.`stratum_sample_size`)) AS v2,
       count() AS v3,
       countIf((t.`error_type` = {p1})) AS v4
FROM (SELECT * FROM `qa_audits` FINAL ALL INNER JOIN (SELECT __id AS `audit_id`, __rn FROM (SELECT arraySort((__k, __o0, __o1) -> (__o0, __o1), groupArray(`audit_id`), groupArray(`audited_at`), groupArray(`audit_id`)) AS __ids FROM `qa_audits` FINAL GROUP BY `decision_id`) ARRAY JOIN __ids AS __id, arrayEnumerate(__ids) AS __rn) AS __n USING `audit_id`) AS t
  ALL INNER JOIN (SELECT `decision_id`, `site` AS `d__site`, `decided_at` AS `d__decided_at` FROM `decisions` FINAL WHERE `decision_id` IN (SELECT `decision_id` FROM `qa_audits`)) AS d USING `decision_id`
WHERE (t.__rn = 1)
  AND (`d__decided_at` >= {p2} AND `d__decided_at` < {p3})
GROUP BY toDateTime(toMonday(addMinutes(`d__decided_at`, {p0}))), `d__site`, t.`stratum`;
