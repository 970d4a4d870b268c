using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using ModScope.Model;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// Parquet and JSONL carry the same rows as CSV, read back with DuckDB; Parquet timestamps are
/// TIMESTAMP WITH TIME ZONE.
/// </summary>
public sealed class SyntheticFormatTests : IAsyncLifetime
{
    private const int Days = 21;
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        foreach (var format in new[] { OutputFormat.Csv, OutputFormat.Parquet, OutputFormat.Jsonl })
        {
            await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub(format.ToString()), Days, 1500, 3, format));
        }
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Generator_ParquetAndJsonl_HoldTheSameRowsAsCsv()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var table in EventSchema.All)
        {
            var csv = Fingerprint(connection, table, "Csv");
            Assert.NotEqual("0", csv[0]);
            Assert.Equal(csv, Fingerprint(connection, table, "Parquet"));
            Assert.Equal(csv, Fingerprint(connection, table, "Jsonl"));
        }
    }

    [Fact]
    public void Generator_Parquet_StoresTypedColumnsAndUtcTimestamps()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var table in EventSchema.All)
        {
            var types = Query(connection, $"DESCRIBE SELECT * FROM read_parquet('{Glob(table, "Parquet")}')")
                .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
            Assert.Equal(table.Columns.Select(c => c.Name), types.Keys);
            foreach (var column in table.Columns)
            {
                var expected = column.Kind switch
                {
                    ColumnKind.Timestamp => "TIMESTAMP WITH TIME ZONE",
                    ColumnKind.Date => "DATE",
                    ColumnKind.Number => "DOUBLE",
                    ColumnKind.WholeNumber => "BIGINT",
                    _ => "VARCHAR",
                };
                Assert.Equal(expected, types[column.Name]);
            }
        }
    }

    [Fact]
    public void Generator_Jsonl_WritesOneObjectPerLineWithSchemaKeysAndNulls()
    {
        var path = Directory.GetFiles(_folder.Sub("Jsonl"), "decisions-*.jsonl").Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var automated = 0;
        foreach (var line in lines[..^1])
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(EventSchema.Decisions.Columns.Select(c => c.Name), json.RootElement.EnumerateObject().Select(p => p.Name));
            if (json.RootElement.GetProperty("decided_by").GetString() == "automated")
            {
                automated++;
                Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("moderator_id").ValueKind);
            }

            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", json.RootElement.GetProperty("created_at").GetString());
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("handling_seconds").ValueKind);
        }

        Assert.True(automated > 0);
    }

    /// <summary>Row count, a hash over the keys, and sums over every typed column (timestamps as epoch seconds).</summary>
    private object?[] Fingerprint(DuckDBConnection connection, TableSchema table, string format)
    {
        var measures = new List<string> { "count(*)", $"sum(hash({string.Join(" || '|' || ", table.Key.Select(k => $"CAST({k} AS VARCHAR)"))}))" };
        foreach (var column in table.Columns)
        {
            measures.Add($"count({column.Name})");
            measures.Add(column.Kind switch
            {
                ColumnKind.Timestamp => $"sum(epoch(CAST({column.Name} AS TIMESTAMPTZ)))",
                ColumnKind.Date => $"sum(CAST({column.Name} AS DATE) - DATE '2000-01-01')",
                ColumnKind.Number => $"round(sum(CAST({column.Name} AS DOUBLE)), 4)",
                ColumnKind.WholeNumber => $"sum(CAST({column.Name} AS BIGINT))",
                _ => $"sum(hash(CAST({column.Name} AS VARCHAR)))",
            });
        }

        var source = format switch
        {
            "Csv" => $"read_csv('{Glob(table, format)}', header = true, all_varchar = true)",
            "Parquet" => $"read_parquet('{Glob(table, format)}')",
            _ => $"read_json('{Glob(table, format)}', format = 'newline_delimited', columns = {{{string.Join(", ", table.Columns.Select(c => $"'{c.Name}': 'VARCHAR'"))}}})",
        };
        return Query(connection, $"SELECT {string.Join(", ", measures)} FROM {source}").Single()
            .Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private string Glob(TableSchema table, string format) =>
        Path.Combine(_folder.Sub(format), $"{table.Name}-????-??-??.{format.ToLowerInvariant()}").Replace('\\', '/');

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(values);
        }

        return rows;
    }
}
