namespace ModScope.Service.Subscriptions;

/// <summary>
/// The report a subscription sends, as <c>modscope report</c> takes it: the audience (<c>exec</c>, <c>regional</c>,
/// <c>quality</c>), an optional region or market that both picks the regional report and limits every number to it
/// (the query door's scope), the format and the period rule (<c>last-week</c>, <c>last-month</c>, any relative period,
/// anchored to the data's watermark as the CLI's).
/// </summary>
public sealed record ReportRule(string Audience, string? Region, string? Market, string Format, string Period);
