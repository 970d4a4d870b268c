using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>The column maps from the simulation's rows to the four event tables.</summary>
internal static class RowMaps
{
    public static readonly ColumnMap<SimDecision> Decisions = new ColumnMap<SimDecision>()
        .Text("decision_id", d => d.Id)
        .Text("object_type", d => d.Object.ObjectType)
        .Text("object_id", d => d.ObjectId)
        .Text("market", d => d.Market.Code)
        .Text("queue", d => d.Queue.QueueId)
        .Text("policy_id", d => d.Policy.Id)
        .Text("detection_source", d => d.Source.Source)
        .Text("decided_by", d => d.Automated ? "automated" : "human")
        .Text("moderator_id", d => d.ModeratorId)
        .Text("site", d => d.Site?.Id)
        .Text("verdict", d => d.Verdict)
        .Text("language", d => d.Market.Market.Language)
        .Timestamp("created_at", d => d.CreatedAt)
        .Timestamp("decided_at", d => d.DecidedAt)
        .Number("handling_seconds", d => d.HandlingSeconds)
        .WholeNumber("version", _ => 1);

    public static readonly ColumnMap<AuditRow> Audits = new ColumnMap<AuditRow>()
        .Text("audit_id", a => a.AuditId)
        .Text("decision_id", a => a.DecisionId)
        .Text("auditor_id", a => a.AuditorId)
        .Timestamp("audited_at", a => a.AuditedAt)
        .Text("stratum", a => a.Stratum)
        .WholeNumber("stratum_population", a => a.StratumPopulation)
        .WholeNumber("stratum_sample_size", a => a.StratumSampleSize)
        .Text("qa_verdict", a => a.QaVerdict)
        .Text("qa_policy_id", a => a.QaPolicyId)
        .Text("error_type", a => a.ErrorType);

    public static readonly ColumnMap<AppealRow> Appeals = new ColumnMap<AppealRow>()
        .Text("appeal_id", a => a.AppealId)
        .Text("decision_id", a => a.DecisionId)
        .Timestamp("filed_at", a => a.FiledAt)
        .Timestamp("resolved_at", a => a.ResolvedAt)
        .Text("outcome", a => a.Outcome);

    public static readonly ColumnMap<StaffingRow> Staffing = new ColumnMap<StaffingRow>()
        .Date("date", s => s.Date)
        .Text("site", s => s.Site)
        .Text("market", s => s.Market)
        .Text("moderator_id", s => s.ModeratorId)
        .Number("scheduled_hours", s => s.ScheduledHours)
        .Number("productive_hours", s => s.ProductiveHours)
        .Number("hourly_cost", s => s.HourlyCost);

    public static TableBatch DecisionBatch(IReadOnlyList<SimDecision> rows) => Decisions.Build(EventSchema.Decisions, rows);

    public static TableBatch AuditBatch(IReadOnlyList<AuditRow> rows) => Audits.Build(EventSchema.QaAudits, rows);

    public static TableBatch AppealBatch(IReadOnlyList<AppealRow> rows) => Appeals.Build(EventSchema.Appeals, rows);

    public static TableBatch StaffingBatch(IReadOnlyList<StaffingRow> rows) => Staffing.Build(EventSchema.Staffing, rows);
}
