using ModScope.Common;
using ModScope.Model;

namespace ModScope.Catalog;

/// <summary>Checks the columns, aggregates and conditions of one measure, proportion or agreement.</summary>
internal static class MeasureCheck
{
    public static void Check(MeasureDefinition m, string field, int line, Action<int, string, string> problem)
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
            CheckValue(m.Source, value, field + ".value", at, problem);
        }
        if (m.Time is { } time)
        {
            CheckTime(m.Source, time, field + ".time", at, problem);
        }
        if (m.Opened is { } opened)
        {
            CheckTime(m.Source, opened, field + ".opened", at, problem);
        }
        if (m.Closed is { } closed)
        {
            CheckTime(m.Source, closed, field + ".closed", at, problem);
        }
        CheckConditions(m.Source, m.Where, field + ".where", at, problem);
    }

    public static void CheckProportion(ProportionDefinition p, string field, int line, Action<int, string, string> problem)
    {
        if (p.Source != EventSchema.QaAudits.Name)
        {
            problem(line, field + ".source", $"a proportion is estimated from the QA sample, so its source is {EventSchema.QaAudits.Name}, not '{p.Source}'");
            return;
        }
        CheckTime(p.Source, p.Time, field + ".time", line, problem);
        CheckConditions(p.Source, p.Population, field + ".population", line, problem);
        CheckConditions(p.Source, p.Success, field + ".success", line, problem);
    }

    public static void CheckAgreement(AgreementDefinition a, string field, int line, Action<int, string, string> problem)
    {
        if (a.Source != EventSchema.QaAudits.Name)
        {
            problem(line, field + ".source", $"agreement is measured on double audits, so its source is {EventSchema.QaAudits.Name}, not '{a.Source}'");
            return;
        }
        CheckTime(a.Source, a.Time, field + ".time", line, problem);
        if (ColumnPaths.Resolve(a.Source, a.Rating).Error is { } error)
        {
            problem(line, field + ".rating", error);
        }
    }

    private static void CheckTime(string source, string column, string field, int line, Action<int, string, string> problem)
    {
        var (kind, error) = ColumnPaths.Resolve(source, column);
        if (error is not null)
        {
            problem(line, field, error);
        }
        else if (kind is not (ColumnKind.Timestamp or ColumnKind.Date))
        {
            problem(line, field, $"'{column}' is not a timestamp or date, so it cannot date a row");
        }
    }

    private static void CheckValue(string source, ValueExpression value, string field, int line, Action<int, string, string> problem)
    {
        foreach (var column in value.Columns)
        {
            var (kind, error) = ColumnPaths.Resolve(source, column);
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

    private static void CheckConditions(string source, IReadOnlyList<Condition> conditions, string field, int line, Action<int, string, string> problem)
    {
        foreach (var condition in conditions)
        {
            CheckSubject(source, condition.Subject, field, line, problem);
            if (condition.Bound is { } bound && ColumnPaths.Resolve(source, bound).Error is { } boundError)
            {
                problem(line, field + ".at_most", boundError);
            }
            if (condition.Subject.Kind == ValueKind.Column && ColumnPaths.AllowedValues(source, condition.Subject.Columns[0]) is { } allowed)
            {
                foreach (var v in condition.Values.Where(v => !allowed.Contains(v)))
                {
                    problem(line, field, $"'{v}' is not a value of {condition.Subject.Columns[0]}{NearMatch.Suggest(v, allowed)}");
                }
            }
        }
    }

    private static void CheckSubject(string source, ValueExpression subject, string field, int line, Action<int, string, string> problem)
    {
        if (subject.Kind == ValueKind.Column)
        {
            if (ColumnPaths.Resolve(source, subject.Columns[0]).Error is { } error)
            {
                problem(line, field, error);
            }
            return;
        }
        CheckValue(source, subject, field, line, problem);
    }
}
