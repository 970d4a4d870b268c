using ModScope.Common;
using ModScope.Model;
using ModScope.Sources;

namespace ModScope.Catalog;

/// <summary>Checks the columns, aggregates and conditions of one measure, proportion or agreement (<c>mapping</c>: extra columns).</summary>
internal static class MeasureCheck
{
    public static void Check(SourceMapping mapping, MeasureDefinition m, string field, int line, Action<int, string, string> problem)
    {
        var at = m.Line > 0 ? m.Line : line;
        if (EventSchema.Find(m.Source) is null)
        {
            problem(at, field + ".source", $"unknown source '{m.Source}'{NearMatch.Suggest(m.Source, EventSchema.All.Select(t => t.Name))}");
            return;
        }
        var needsValue = m.NeedsValue;
        if (needsValue && m.Value is null)
        {
            problem(at, field + ".value", $"aggregate '{m.AggregateName}' needs a value");
        }
        if (!needsValue && m.Value is not null)
        {
            problem(at, field + ".value", $"aggregate '{m.AggregateName}' takes no value");
        }
        if (m.Value is { } value)
        {
            CheckValue(mapping, m.Source, value, field + ".value", at, problem);
        }
        if (m.Time is { } time)
        {
            CheckTime(mapping, m.Source, time, field + ".time", at, problem);
        }
        if (m.Opened is { } opened)
        {
            CheckTime(mapping, m.Source, opened, field + ".opened", at, problem);
        }
        if (m.Closed is { } closed)
        {
            CheckTime(mapping, m.Source, closed, field + ".closed", at, problem);
        }
        CheckConditions(mapping, m.Source, m.Where, field + ".where", at, problem);
    }

    public static void CheckProportion(SourceMapping mapping, ProportionDefinition p, string field, int line, Action<int, string, string> problem)
    {
        if (p.Source != EventSchema.QaAudits.Name)
        {
            problem(line, field + ".source", $"a proportion is estimated from the QA sample, so its source is {EventSchema.QaAudits.Name}, not '{p.Source}'");
            return;
        }
        CheckTime(mapping, p.Source, p.Time, field + ".time", line, problem);
        CheckConditions(mapping, p.Source, p.Population, field + ".population", line, problem);
        CheckConditions(mapping, p.Source, p.Success, field + ".success", line, problem);
    }

    public static void CheckAgreement(SourceMapping mapping, AgreementDefinition a, string field, int line, Action<int, string, string> problem)
    {
        if (a.Source != EventSchema.QaAudits.Name)
        {
            problem(line, field + ".source", $"agreement is measured on double audits, so its source is {EventSchema.QaAudits.Name}, not '{a.Source}'");
            return;
        }
        CheckTime(mapping, a.Source, a.Time, field + ".time", line, problem);
        if (ColumnPaths.Resolve(mapping, a.Source, a.Rating).Error is { } error)
        {
            problem(line, field + ".rating", error);
        }
    }

    private static void CheckTime(SourceMapping mapping, string source, string column, string field, int line, Action<int, string, string> problem)
    {
        var (kind, error) = ColumnPaths.Resolve(mapping, source, column);
        if (error is not null)
        {
            problem(line, field, error);
        }
        else if (kind is not (ColumnKind.Timestamp or ColumnKind.Date))
        {
            problem(line, field, $"'{column}' is not a timestamp or date, so it cannot date a row");
        }
    }

    private static void CheckValue(SourceMapping mapping, string source, ValueExpression value, string field, int line, Action<int, string, string> problem)
    {
        foreach (var column in value.Columns)
        {
            var (kind, error) = ColumnPaths.Resolve(mapping, source, column);
            if (error is not null)
            {
                problem(line, field, error);
                continue;
            }
            var ok = value.Kind == ValueKind.HoursBetween
                ? kind is ColumnKind.Timestamp
                : kind is ColumnKind.Number or ColumnKind.WholeNumber;
            if (!ok)
            {
                problem(line, field, value.Kind == ValueKind.HoursBetween
                    ? $"hours_between needs timestamps; '{column}' is {kind}"
                    : $"'{column}' is {kind}, not a number");
            }
        }
    }

    private static void CheckConditions(SourceMapping mapping, string source, IReadOnlyList<Condition> conditions, string field, int line, Action<int, string, string> problem)
    {
        foreach (var condition in conditions)
        {
            CheckSubject(mapping, source, condition.Subject, field, line, problem);
            if (condition.Bound is { } bound && ColumnPaths.Resolve(mapping, source, bound).Error is { } boundError)
            {
                problem(line, field + ".at_most", boundError);
            }
            if (condition.Subject.Kind == ValueKind.Column && ColumnPaths.AllowedValues(mapping, source, condition.Subject.Columns[0]) is { } allowed)
            {
                foreach (var v in condition.Values.Where(v => !allowed.Contains(v)))
                {
                    problem(line, field, $"'{v}' is not a value of {condition.Subject.Columns[0]}{NearMatch.Suggest(v, allowed)}");
                }
            }
        }
    }

    private static void CheckSubject(SourceMapping mapping, string source, ValueExpression subject, string field, int line, Action<int, string, string> problem)
    {
        if (subject.Kind == ValueKind.Column)
        {
            if (ColumnPaths.Resolve(mapping, source, subject.Columns[0]).Error is { } error)
            {
                problem(line, field, error);
            }
            return;
        }
        CheckValue(mapping, source, subject, field, line, problem);
    }
}
