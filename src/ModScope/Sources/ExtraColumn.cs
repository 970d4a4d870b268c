using ModScope.Model;

namespace ModScope.Sources;

/// <summary>A column of a producer's own that a source mapping declares: stored beside ours, usable by the catalogue.</summary>
/// <param name="Name">Its name in the store (snake_case).</param>
/// <param name="Kind">Its type (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>timestamp</c> in the file).</param>
/// <param name="Person">It identifies a person (<c>person: true</c>): shown as a pseudonym like a moderator id (<see cref="ColumnSpec.Person"/>).</param>
public sealed record ExtraColumn(string Name, ColumnKind Kind, bool Person = false)
{
    /// <summary>The mapping file's type words and the kinds they stand for.</summary>
    public static readonly IReadOnlyDictionary<string, ColumnKind> Types = new Dictionary<string, ColumnKind>(StringComparer.Ordinal)
    {
        ["string"] = ColumnKind.Text,
        ["integer"] = ColumnKind.WholeNumber,
        ["number"] = ColumnKind.Number,
        ["boolean"] = ColumnKind.Boolean,
        ["timestamp"] = ColumnKind.Timestamp,
    };

    /// <summary>The type word of a kind (<c>string</c> for text).</summary>
    public static string TypeName(ColumnKind kind) => Types.First(t => t.Value == kind).Key;
}
