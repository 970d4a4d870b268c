using System.Globalization;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>Row counts and time span of each event table in a store.</summary>
internal static class StoreContentsView
{
    private static readonly (string Table, string Time)[] Tables =
        [("decisions", "decided_at"), ("qa_audits", "audited_at"), ("appeals", "filed_at"), ("staffing", "date"), ("quarantine", "quarantined_at")];

    public static void Render(IAnsiConsole console, ModScopeStore store)
    {
        using var connection = store.OpenConnection();
        var table = new Table().Title("Store contents").AddColumns("table", "rows", "from", "to");
        foreach (var (name, time) in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*), CAST(min({time}) AS VARCHAR), CAST(max({time}) AS VARCHAR) FROM {name}";
            using var reader = command.ExecuteReader();
            reader.Read();
            table.AddRow(name, reader.GetInt64(0).ToString("N0", CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? "-" : reader.GetString(1), reader.IsDBNull(2) ? "-" : reader.GetString(2));
        }
        console.Write(table);
    }
}
