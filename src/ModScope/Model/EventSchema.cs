namespace ModScope.Model;

/// <summary>
/// The four event tables ModScope ingests. This is the single definition used by validation,
/// the store's DDL, the generator and the documentation.
/// </summary>
public static class EventSchema
{
    public static readonly TableSchema Decisions = new(
        "decisions",
        Key: ["decision_id"],
        Columns:
        [
            new("decision_id", ColumnKind.Text),
            new("object_type", ColumnKind.Text, AllowedValues: Vocabulary.ObjectTypes),
            new("object_id", ColumnKind.Text),
            new("market", ColumnKind.Text, References: "markets.code"),
            new("queue", ColumnKind.Text, References: "queues.queue_id"),
            new("policy_id", ColumnKind.Text, References: "policies.policy_id"),
            new("detection_source", ColumnKind.Text, AllowedValues: Vocabulary.DetectionSources),
            new("decided_by", ColumnKind.Text, AllowedValues: Vocabulary.DecidedBy),
            new("moderator_id", ColumnKind.Text, Required: false, Person: true),
            new("site", ColumnKind.Text, Required: false, References: "sites.site_id"),
            new("verdict", ColumnKind.Text, AllowedValues: Vocabulary.Verdicts),
            new("language", ColumnKind.Text),
            new("created_at", ColumnKind.Timestamp),
            new("decided_at", ColumnKind.Timestamp),
            new("handling_seconds", ColumnKind.Number, MinValue: 0),
            new("version", ColumnKind.WholeNumber, Required: false, MinValue: 1, DefaultValue: "1"),
        ],
        Rules:
        [
            new("decided_before_created", "decided_at", "decided_at >= created_at",
                "decided_at must not be earlier than created_at"),
            new("moderator_missing", "moderator_id", "decided_by <> 'human' OR moderator_id IS NOT NULL",
                "a human decision names its moderator_id"),
            new("moderator_on_automated", "moderator_id", "decided_by <> 'automated' OR moderator_id IS NULL",
                "an automated decision has no moderator_id"),
            new("site_missing", "site", "decided_by <> 'human' OR site IS NOT NULL",
                "a human decision names the site it was taken at"),
        ],
        AsOf: "decided_at",
        WaitsForReferences: true);

    public static readonly TableSchema QaAudits = new(
        "qa_audits",
        Key: ["audit_id"],
        Columns:
        [
            new("audit_id", ColumnKind.Text),
            new("decision_id", ColumnKind.Text),
            new("auditor_id", ColumnKind.Text, Person: true),
            new("audited_at", ColumnKind.Timestamp),
            new("stratum", ColumnKind.Text),
            new("stratum_population", ColumnKind.WholeNumber, MinValue: 1),
            new("stratum_sample_size", ColumnKind.WholeNumber, MinValue: 1),
            new("qa_verdict", ColumnKind.Text, AllowedValues: Vocabulary.Verdicts),
            new("qa_policy_id", ColumnKind.Text, Required: false, References: "policies.policy_id"),
            new("error_type", ColumnKind.Text, AllowedValues: Vocabulary.ErrorTypes),
        ],
        Rules:
        [
            new("sample_exceeds_population", "stratum_sample_size", "stratum_sample_size <= stratum_population",
                "stratum_sample_size must not exceed stratum_population"),
        ],
        ParentReference: "decision_id",
        AsOf: "audited_at");

    public static readonly TableSchema Appeals = new(
        "appeals",
        Key: ["appeal_id"],
        Columns:
        [
            new("appeal_id", ColumnKind.Text),
            new("decision_id", ColumnKind.Text),
            new("filed_at", ColumnKind.Timestamp),
            new("resolved_at", ColumnKind.Timestamp, Required: false),
            new("outcome", ColumnKind.Text, Required: false, AllowedValues: Vocabulary.AppealOutcomes),
        ],
        Rules:
        [
            new("resolved_before_filed", "resolved_at", "resolved_at IS NULL OR resolved_at >= filed_at",
                "resolved_at must not be earlier than filed_at"),
            new("outcome_without_resolution", "outcome", "(resolved_at IS NULL) = (outcome IS NULL)",
                "outcome is set exactly when resolved_at is set"),
        ],
        ParentReference: "decision_id",
        AsOf: "filed_at");

    public static readonly TableSchema Staffing = new(
        "staffing",
        Key: ["date", "site", "moderator_id"],
        Columns:
        [
            new("date", ColumnKind.Date),
            new("site", ColumnKind.Text, References: "sites.site_id"),
            new("market", ColumnKind.Text, References: "markets.code"),
            new("moderator_id", ColumnKind.Text, Person: true),
            new("scheduled_hours", ColumnKind.Number, MinValue: 0, MaxValue: 24),
            new("productive_hours", ColumnKind.Number, MinValue: 0, MaxValue: 24),
            new("hourly_cost", ColumnKind.Number, MinValue: 0, CurrencyFrom: "site.cost_currency"),
        ],
        Rules:
        [
            new("productive_exceeds_scheduled", "productive_hours", "productive_hours <= scheduled_hours",
                "productive_hours must not exceed scheduled_hours"),
        ],
        AsOf: "date",
        WaitsForReferences: true);

    /// <summary>All event tables, in load order: decisions first so audits and appeals find them.</summary>
    public static readonly IReadOnlyList<TableSchema> All = [Decisions, QaAudits, Appeals, Staffing];

    /// <summary>The columns of any event table that identify a person (<see cref="ColumnSpec.Person"/>): moderator_id, auditor_id.</summary>
    public static readonly IReadOnlySet<string> PersonColumns =
        All.SelectMany(t => t.Columns).Where(c => c.Person).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Finds a table by name, or null.</summary>
    public static TableSchema? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
