using ModScope.ClickHouse;
using ModScope.Monitor.Quality;
using ModScope.Query;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>A quality statement is written once; each engine gets its own placeholders, FINAL reads and conditional counts.</summary>
public sealed class QualitySqlTests
{
    private static string Statement(QualitySql sql) =>
        $"SELECT {sql.CountIf("rows_read > 0")} FROM {sql.Table("files", "f")} WHERE loaded_at >= $from AND loaded_at < $until AND $until > $from";

    [Fact]
    public async Task On_ClickHouse_named_parameters_become_numbered_literal_placeholders_and_tables_are_read_with_FINAL()
    {
        var engine = new Recorder(new ClickHouseDialect());
        var sql = new QualitySql(engine, CancellationToken.None);

        await sql.RowsAsync(Statement(sql), ("from", 1L), ("until", 2L));

        Assert.Equal("SELECT countIf(rows_read > 0) FROM `files` AS f FINAL WHERE loaded_at >= {p0} AND loaded_at < {p1} AND {p1} > {p0}", engine.Sql);
        Assert.Equal(new Dictionary<string, object?> { ["p0"] = 1L, ["p1"] = 2L }, engine.Parameters);
    }

    [Fact]
    public async Task On_DuckDB_the_same_statement_keeps_dollar_parameters_and_FILTER()
    {
        var engine = new Recorder(DuckDbDialect.Instance);
        var sql = new QualitySql(engine, CancellationToken.None);

        await sql.RowsAsync(Statement(sql), ("from", 1L), ("until", 2L));

        Assert.Equal("SELECT count(*) FILTER (WHERE rows_read > 0) FROM \"files\" AS f WHERE loaded_at >= $p0 AND loaded_at < $p1 AND $p1 > $p0", engine.Sql);
    }

    [Fact]
    public async Task A_parameter_without_a_value_is_named_in_the_error()
    {
        var sql = new QualitySql(new Recorder(DuckDbDialect.Instance), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sql.RowsAsync("SELECT 1 WHERE x < $cutoff"));
        Assert.Contains("$cutoff", error.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(ISqlDialect dialect) : IMetricEngine
    {
        public string Sql { get; private set; } = "";
        public IReadOnlyDictionary<string, object?> Parameters { get; private set; } = new Dictionary<string, object?>();
        public ISqlDialect Dialect => dialect;

        public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
        {
            (Sql, Parameters) = (sql, parameters);
            return Task.FromResult<IReadOnlyList<object?[]>>([]);
        }
    }
}
