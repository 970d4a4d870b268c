using ModScope.Monitor.Findings;
using ModScope.Monitor.Health;

namespace ModScope.Web.Api;

/// <summary>
/// Rows of one table held back by one rule (quarantined or waiting), named in the request's language: the table
/// (<c>decisions</c> → 决策), the rule (<c>unknown_reference</c> → 未知代码) and each sample's reason
/// (<see cref="QuarantineText"/>); the stored codes and English message are kept beside them.
/// </summary>
internal sealed record ReasonRow(string Table, string TableName, string Rule, string RuleName, long Rows, IReadOnlyList<ReasonSample> Samples)
{
    public static ReasonRow Of(QuarantineReason reason, QuarantineText words) => new(reason.Table, words.Table(reason.Table), reason.Rule,
        words.Rule(reason.Rule), reason.Rows,
        reason.Samples.Select(s => new ReasonSample(s.File, s.Line, s.Field, s.Message, words.Reason(reason.Rule, s.Field, s.Message), s.RawRow)).ToList());
}

/// <summary>One held-back row: where it came from, its stored English message, the reason in the request's language, and its raw text (analysts only).</summary>
internal sealed record ReasonSample(string File, long? Line, string? Field, string Message, string Reason, string? RawRow);
