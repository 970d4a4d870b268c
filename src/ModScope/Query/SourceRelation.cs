using ModScope.Catalog;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// The FROM clause of one source and the SQL of the column paths read from it. The relation owns its aliases: the
/// source's rows are <see cref="Rows"/> (<c>t</c>); audits and appeals join their decision as <see cref="Parent"/>
/// (<c>d</c>, <c>decision.verdict</c>); a dotted path through a reference column joins the reference table once
/// (<c>queue.sla_hours</c>, alias <c>l_t_queue</c>).
/// </summary>
internal sealed class SourceRelation
{
    private readonly ISqlDialect _dialect;
    private readonly List<string> _joins = [];
    private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);
    private readonly string _base;
    private readonly bool _hasParent;
    private readonly HashSet<string> _parentColumns = new(StringComparer.Ordinal);

    /// <param name="subquery">Rows to read instead of the stored table (a parenthesised subquery over it).</param>
    public SourceRelation(ISqlDialect dialect, string source, string? subquery = null)
    {
        _dialect = dialect;
        Source = source;
        _base = subquery is null ? dialect.TableRelation(source, Rows) : dialect.SubqueryRelation(subquery, Rows);
        _hasParent = ColumnPaths.HasDecision(source);
    }

    public string Source { get; }

    /// <summary>The statement's parameters and the reporting currency, for reading an amount of money (bound only then).</summary>
    public (SqlParameters Parameters, string Currency)? Money { get; init; }

    private string? _currency;

    /// <summary>The source's rows.</summary>
    public RelationAlias Rows { get; } = new("t", RelationRole.Rows);

    /// <summary>An audit's or appeal's decision, joined to each row.</summary>
    public RelationAlias Parent { get; } = new("d", RelationRole.Parent);

    /// <summary>The FROM clause; read it after every column, so the parent join knows which columns are read.</summary>
    public string From => string.Join("\n  ", new[] { _base }
        .Concat(_hasParent ? [_dialect.JoinParent(Rows, Source, EventSchema.Decisions, Parent, "decision_id", _parentColumns)] : [])
        .Concat(_joins));

    /// <summary>The SQL for a column path of this source.</summary>
    public string Column(string path)
    {
        var parts = path.Split('.');
        var (alias, table) = (Rows, Source);
        if (parts[0] == "decision" && ColumnPaths.HasDecision(Source))
        {
            (alias, table, parts) = (Parent, EventSchema.Decisions.Name, parts[1..]);
        }
        if (alias == Parent)
        {
            _parentColumns.Add(parts[0]);
        }
        if (parts.Length == 1)
        {
            return EventSchema.Find(table)?.Find(parts[0])?.CurrencyFrom is { } currency ? Converted(alias, table, parts[0], currency) : _dialect.Column(alias, parts[0]);
        }
        var reference = EventSchema.Find(table)?.Find(parts[0])?.References
            ?? throw new InvalidOperationException($"'{path}' does not go through a reference column of {table}.");
        var referenced = ReferenceSchema.Find(reference.Split('.')[0])
            ?? throw new InvalidOperationException($"'{path}' points into '{reference}', which is not a reference table.");
        var joined = new RelationAlias($"l_{alias}_{parts[0]}", RelationRole.Reference);
        var keyExpression = _dialect.Column(alias, parts[0]);
        // The reference row in force when the event happened (a decision's decided_at, a staffing row's date).
        var asOf = EventSchema.Find(table)?.AsOf
            ?? throw new InvalidOperationException($"{table} has no column dating its rows for reference lookups.");
        if (alias == Parent)
        {
            _parentColumns.Add(asOf);
        }
        var asOfColumn = _dialect.Column(alias, asOf);
        if (_aliases.Add(joined.Name) && _dialect.JoinReference(referenced, joined, keyExpression, asOfColumn) is { } join)
        {
            _joins.Add(join);
        }
        return _dialect.ReferenceColumn(referenced, joined, parts[1], keyExpression, asOfColumn);
    }

    /// <summary>An amount of money in the reporting currency, converted at the rate of its row's day (<see cref="ISqlDialect.InReportingCurrency"/>).</summary>
    private string Converted(RelationAlias alias, string table, string column, string currencyPath)
    {
        var (parameters, reporting) = Money ?? throw new InvalidOperationException($"{table}.{column} is money: the relation needs the reporting currency.");
        _currency ??= parameters.Add(reporting);
        var prefix = alias == Parent ? "decision." : "";
        var day = EventSchema.Find(table)!.AsOf!;
        return _dialect.InReportingCurrency(_dialect.Column(alias, column), Column(prefix + currencyPath), Column(prefix + day), _currency);
    }

    /// <summary>The SQL of a dimension on this source (audits and appeals read it from their decision).</summary>
    public string Dimension(DimensionDefinition dimension) =>
        Column(ColumnPaths.HasDecision(Source) ? "decision." + dimension.Column : dimension.Column);

    /// <summary>The SQL of a value expression.</summary>
    public string Value(ValueExpression value) => value.Kind switch
    {
        ValueKind.Column => Column(value.Columns[0]),
        ValueKind.HoursBetween => _dialect.HoursBetween(Column(value.Columns[0]), Column(value.Columns[1])),
        ValueKind.Product => $"({Column(value.Columns[0])} * {Column(value.Columns[1])})",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unknown value kind."),
    };

    /// <summary>The SQL of the conjunction of conditions, or null when there are none.</summary>
    public string? Conditions(IReadOnlyList<Condition> conditions, SqlParameters parameters)
    {
        if (conditions.Count == 0)
        {
            return null;
        }
        return string.Join(" AND ", conditions.Select(c =>
        {
            var subject = Value(c.Subject);
            return c.Operator switch
            {
                ConditionOperator.Equal => $"{subject} = {parameters.Add(c.Values[0])}",
                ConditionOperator.In => $"{subject} IN ({string.Join(", ", c.Values.Select(v => parameters.Add(v)))})",
                ConditionOperator.NotIn => $"{subject} NOT IN ({string.Join(", ", c.Values.Select(v => parameters.Add(v)))})",
                ConditionOperator.NotNull => $"{subject} IS NOT NULL",
                ConditionOperator.IsNull => $"{subject} IS NULL",
                ConditionOperator.AtMost => $"{subject} <= {Column(c.Bound!)}",
                _ => throw new ArgumentOutOfRangeException(nameof(conditions), c.Operator, "Unknown operator."),
            };
        }).Select(s => "(" + s + ")"));
    }
}
