using ModScope.Common;
using ModScope.Model;

namespace ModScope.Ingest;

/// <summary>Checks a file's column names against its table: every required column, no unknown or repeated one.</summary>
internal static class HeaderCheck
{
    public static HeaderProblem? Check(TableSchema table, IReadOnlyList<string> columns, string fileName)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (!seen.Add(column))
            {
                return new HeaderProblem(column, $"{fileName}: column '{column}' appears twice in the header.");
            }
            if (table.FromFile(column) is null)
            {
                var suggestion = NearMatch.Suggest(column, table.Columns.Select(c => c.FileName));
                return new HeaderProblem(column,
                    $"{fileName}: unknown column '{column}' for table {table.Name}{suggestion} (a column of your own is declared under 'extra' in the source mapping).");
            }
        }
        foreach (var required in table.RequiredColumns)
        {
            if (!seen.Contains(required.FileName))
            {
                var ours = required.FileName == required.Name ? "" : $" (our {required.Name}, by the source mapping)";
                return new HeaderProblem(required.Name,
                    $"{fileName}: required column '{required.FileName}'{ours} is missing from the header of a {table.Name} file.");
            }
        }
        return null;
    }
}
