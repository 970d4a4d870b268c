namespace ModScope.Catalog;

/// <summary>A metric's formula in words, in English or Simplified Chinese, written from its definition.</summary>
public static class FormulaText
{
    public static string Describe(MetricDefinition metric, string language)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return metric.Kind switch
        {
            MetricKind.Measure => Measure(metric.Measure!, zh),
            MetricKind.Ratio => zh
                ? $"{Operand(metric.Numerator!, zh)} ÷ {Operand(metric.Denominator!, zh)}"
                : $"{Operand(metric.Numerator!, zh)} ÷ {Operand(metric.Denominator!, zh)}",
            MetricKind.Proportion => zh
                ? $"在{Conditions(metric.Proportion!.Population, zh, "全部")}的已质检决策中（每条决策取首次质检），满足 {Conditions(metric.Proportion.Success, zh, "")} 的占比；按分层权重（层总量 ÷ 层样本量）加权（Hájek 估计），给出置信区间；按 {metric.Proportion.Time} 统计。"
                : $"Among audited decisions{(metric.Proportion!.Population.Count > 0 ? " where " + Conditions(metric.Proportion.Population, zh, "") : "")} (first audit of each), the share where {Conditions(metric.Proportion.Success, zh, "")}, weighted by stratum population ÷ stratum sample size (Hájek estimator), with a confidence interval; dated by {metric.Proportion.Time}.",
            _ => zh
                ? $"双人质检决策中前两次质检的 {metric.Agreement!.Rating} 的 Cohen's kappa：(观察一致率 − 期望一致率) ÷ (1 − 期望一致率)；按 {metric.Agreement.Time} 统计。"
                : $"Cohen's kappa of {metric.Agreement!.Rating} between the first two audits of each double-audited decision: (observed − expected agreement) ÷ (1 − expected agreement); dated by {metric.Agreement.Time}.",
        };
    }

    private static string Operand(Operand operand, bool zh) =>
        operand.MetricId is { } id ? $"[{id}]" : "(" + Measure(operand.Measure!, zh).TrimEnd('。', '.') + ")";

    private static string Measure(MeasureDefinition m, bool zh)
    {
        var what = (m.Aggregate, zh) switch
        {
            (AggregateFunction.Count, false) => $"number of {m.Source} rows",
            (AggregateFunction.Count, true) => $"{m.Source} 行数",
            (AggregateFunction.Sum, false) => $"sum of {m.Value} over {m.Source}",
            (AggregateFunction.Sum, true) => $"{m.Source} 的 {m.Value} 之和",
            (AggregateFunction.Avg, false) => $"mean of {m.Value} over {m.Source}",
            (AggregateFunction.Avg, true) => $"{m.Source} 的 {m.Value} 平均值",
            (AggregateFunction.Median, false) => $"median of {m.Value} over {m.Source}",
            (AggregateFunction.Median, true) => $"{m.Source} 的 {m.Value} 中位数",
            (AggregateFunction.P90, false) => $"90th percentile of {m.Value} over {m.Source}",
            (AggregateFunction.P90, true) => $"{m.Source} 的 {m.Value} 第90百分位",
            (AggregateFunction.OpenAtEnd, false) => $"{m.Source} rows with {m.Opened} before and {m.Closed} at or after each period's end",
            (AggregateFunction.OpenAtEnd, true) => $"每个周期结束时 {m.Opened} 早于、{m.Closed} 不早于该时刻的 {m.Source} 行数",
            _ => m.AggregateName,
        };
        var where = m.Where.Count == 0 ? "" : zh ? $"（条件：{Conditions(m.Where, zh, "")}）" : $" where {Conditions(m.Where, zh, "")}";
        var dated = m.Time is null ? "" : zh ? $"，按 {m.Time} 统计" : $", dated by {m.Time}";
        return what + where + dated + (zh ? "。" : ".");
    }

    private static string Conditions(IReadOnlyList<Condition> conditions, bool zh, string none) =>
        conditions.Count == 0 ? none : string.Join(zh ? " 且 " : " and ", conditions.Select(c => c.ToString()));
}
