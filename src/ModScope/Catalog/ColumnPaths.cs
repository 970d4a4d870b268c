using ModScope.Common;
using ModScope.Model;
using ModScope.Sources;

namespace ModScope.Catalog;

/// <summary>
/// Resolves the column paths metric definitions use against the event schema and reference data:
/// <c>verdict</c> (a column of the source), <c>decision.verdict</c> (through an audit's or appeal's decision),
/// <c>queue.sla_hours</c> (through a reference: the queue's row in <c>queues</c>). A source mapping's extra columns
/// (<c>seller_tier</c>) are columns of their table like the others.
/// </summary>
public static class ColumnPaths
{
    /// <summary>Columns of the reference tables, with their kinds (from <see cref="ReferenceSchema"/>).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, ColumnKind>> ReferenceColumns =
        ReferenceSchema.All.ToDictionary(t => t.Name, t => (IReadOnlyDictionary<string, ColumnKind>)t.Columns.ToDictionary(c => c.Name, c => c.Kind));

    /// <summary>Tables whose rows belong to a decision and so can reach its columns as <c>decision.*</c>.</summary>
    public static bool HasDecision(string source) => source is "qa_audits" or "appeals";

    /// <summary>The kind of the column a path names, or an error saying what is wrong (with near matches).</summary>
    public static (ColumnKind? Kind, string? Error) Resolve(string source, string path) => Resolve(SourceMapping.None, source, path);

    /// <summary>The kind of the column a path names, with the extra columns of <paramref name="mapping"/>, or an error.</summary>
    public static (ColumnKind? Kind, string? Error) Resolve(SourceMapping mapping, string source, string path)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var table = EventSchema.Find(source) is { } shipped ? mapping.Apply(shipped) : null;
        if (table is null)
        {
            return (null, $"unknown source '{source}'{NearMatch.Suggest(source, EventSchema.All.Select(t => t.Name))}");
        }
        var parts = path.Split('.');
        if (parts.Length > 1 && parts[0] == "decision")
        {
            return HasDecision(source)
                ? Resolve(mapping, "decisions", string.Join('.', parts.Skip(1)))
                : (null, $"'{path}': only qa_audits and appeals reach their decision's columns");
        }
        var column = table.Find(parts[0]);
        if (column is null)
        {
            var known = table.Columns.Select(c => c.Name).Concat(HasDecision(source) ? ["decision.*"] : []);
            return (null, $"unknown column '{parts[0]}' in {source}{NearMatch.Suggest(parts[0], known)}");
        }
        if (parts.Length == 1)
        {
            return (column.Kind, null);
        }
        if (parts.Length > 2 || column.References is null)
        {
            return (null, $"'{path}': {parts[0]} is not a reference, so it has no column '{parts[1]}'");
        }
        var referenced = column.References.Split('.')[0];
        var columns = ReferenceColumns[referenced];
        return columns.TryGetValue(parts[1], out var kind)
            ? (kind, null)
            : (null, $"unknown column '{parts[1]}' in reference table {referenced}{NearMatch.Suggest(parts[1], columns.Keys)}");
    }

    /// <summary>The allowed values of an enumerated column a path names, or null when it is not an enumeration.</summary>
    public static IReadOnlyList<string>? AllowedValues(SourceMapping mapping, string source, string path)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var parts = path.Split('.');
        if (parts.Length == 2 && parts[0] == "decision" && HasDecision(source))
        {
            return mapping.Apply(EventSchema.Decisions).Find(parts[1])?.AllowedValues;
        }
        return parts.Length == 1 && EventSchema.Find(source) is { } table ? mapping.Apply(table).Find(parts[0])?.AllowedValues : null;
    }
}
