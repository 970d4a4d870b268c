namespace ModScope.Bench;

/// <summary>The bench requests written by hand, as an analyst would against the store ($end = period end, UTC).</summary>
internal static class HandSql
{
    public const string VolumeByMarketByDay = """
        SELECT date_trunc('day', decided_at) AS day, market, count(*) FROM decisions
        WHERE decided_at >= $end - INTERVAL 28 DAY AND decided_at < $end GROUP BY ALL
        """;

    public const string AccuracyStrataBySiteByWeek = """
        WITH first AS (SELECT * FROM qa_audits QUALIFY row_number() OVER (PARTITION BY decision_id ORDER BY audited_at, audit_id) = 1)
        SELECT date_trunc('week', d.decided_at) AS week, d.site, a.stratum, max(a.stratum_population), max(a.stratum_sample_size),
               count(*), count(*) FILTER (WHERE a.error_type = 'none')
        FROM first a JOIN decisions d USING (decision_id)
        WHERE d.decided_at >= $end - INTERVAL 28 DAY AND d.decided_at < $end GROUP BY ALL
        """;

    public const string TatP90ByQueue = """
        SELECT queue, quantile_cont((epoch(decided_at) - epoch(created_at)) / 3600.0, 0.9) FROM decisions
        WHERE decided_by = 'human' AND decided_at >= $end - INTERVAL 28 DAY AND decided_at < $end GROUP BY queue
        """;

    public const string SlaByMarket = """
        SELECT d.market, count(*) FILTER (WHERE (epoch(d.decided_at) - epoch(d.created_at)) / 3600.0 <= q.sla_hours), count(*)
        FROM decisions d JOIN queues q ON q.queue_id = d.queue
        WHERE d.decided_by = 'human' AND d.decided_at >= $end - INTERVAL 28 DAY AND d.decided_at < $end GROUP BY d.market
        """;

    public const string SlaByMarketPrevious = """
        SELECT d.market, count(*) FILTER (WHERE (epoch(d.decided_at) - epoch(d.created_at)) / 3600.0 <= q.sla_hours), count(*)
        FROM decisions d JOIN queues q ON q.queue_id = d.queue
        WHERE d.decided_by = 'human' AND d.decided_at >= $end - INTERVAL 56 DAY AND d.decided_at < $end - INTERVAL 28 DAY GROUP BY d.market
        """;

    public const string CostPerDecisionBySiteByMonth = """
        WITH cost AS (SELECT date_trunc('month', date) AS month, site, sum(scheduled_hours * hourly_cost) AS cost FROM staffing
                      WHERE date >= DATE '2026-09-01' AND date < DATE '2026-11-01' GROUP BY ALL),
             work AS (SELECT date_trunc('month', decided_at) AS month, site, count(*) AS n FROM decisions
                      WHERE decided_by = 'human' AND decided_at >= TIMESTAMP '2026-09-01' AND decided_at < TIMESTAMP '2026-11-01' AND $end IS NOT NULL GROUP BY ALL)
        SELECT month, site, cost / n FROM cost JOIN work USING (month, site)
        """;

    public const string OverturnByPolicy = """
        SELECT d.policy_id, count(*) FILTER (WHERE a.outcome = 'overturned') / count(*) FILTER (WHERE a.outcome IS NOT NULL)
        FROM appeals a JOIN decisions d USING (decision_id)
        WHERE d.decided_at >= TIMESTAMP '2026-09-01' AND d.decided_at < TIMESTAMP '2026-11-01' AND $end IS NOT NULL GROUP BY d.policy_id
        """;
}
