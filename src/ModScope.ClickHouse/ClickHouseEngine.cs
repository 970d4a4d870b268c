using System.Net.Http.Headers;
using System.Text;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.ClickHouse;

/// <summary>
/// Runs metric SQL on a ClickHouse cluster through its HTTP interface (plain HttpClient: the .NET driver cannot
/// read typed rows from 18.16). Parameters are bound as escaped literals; every statement runs with
/// <c>distributed_product_mode=local</c> (a join or IN over a Distributed table reads each shard's own rows,
/// correct because tables are sharded by decision) and <c>join_use_nulls=1</c>.
/// </summary>
public sealed class ClickHouseEngine : IMetricEngine, IDisposable
{
    private readonly HttpClient _http;

    public ClickHouseEngine(ClickHouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(options.MaxExecutionSeconds + 60) };
    }

    public ClickHouseOptions Options { get; }

    /// <summary>The dialect, writing reference lookups from the cluster's reference rows as they are now.</summary>
    public ISqlDialect Dialect => Current().Dialect;

    /// <summary>The cluster's own reference data, history included (none before a load has seeded it).</summary>
    public ReferenceData Reference => Current().Data;

    private Snapshot? _snapshot;

    private sealed record Snapshot(string Version, ReferenceData Data, ClickHouseDialect Dialect);

    // The reference rows are read again only after a load recorded files (they change with loads only). The port's
    // members are synchronous, so this waits for the HTTP reads on the thread pool.
    private Snapshot Current() => Task.Run(async () =>
    {
        var version = await VersionAsync(CancellationToken.None).ConfigureAwait(false);
        if (_snapshot is { } known && known.Version == version)
        {
            return known;
        }
        var (generation, tables) = await ClickHouseReference.ReadAsync(this, CancellationToken.None).ConfigureAwait(false);
        var fresh = new Snapshot(version, ClickHouseReference.Data(tables),
            new ClickHouseDialect(Options.ReadFinal, ClickHouseReference.Lookups(generation, tables)));
        _snapshot = fresh;
        return fresh;
    }).GetAwaiter().GetResult();

    /// <summary>The cluster's files as one cheap read (the newest file id and the count): it changes with every load.</summary>
    private async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        string.Join("/", (await QueryAsync("SELECT toInt64(max(file_id)), count() FROM files", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false))[0]);

    private (string Version, IReadOnlyDictionary<string, DateTime> Data)? _firstDays;

    /// <summary>
    /// Each event table's earliest dating instant (<see cref="IMetricEngine.FirstDays"/>), kept per version of the cluster's
    /// files as the reference rows are (one cheap read per call; the minima again only after a load). A count beside each
    /// minimum, as ClickHouse's <c>min</c> over no rows is the type's zero (1970-01-01), not NULL.
    /// </summary>
    public IReadOnlyDictionary<string, DateTime> FirstDays => Task.Run(async () =>
    {
        var version = await VersionAsync(CancellationToken.None).ConfigureAwait(false);
        if (_firstDays is { } known && known.Version == version)
        {
            return known.Data;
        }
        var data = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var table in EventSchema.All)
        {
            var rows = await QueryAsync($"SELECT toInt64(count()), min({table.AsOf}) FROM {table.Name}", new Dictionary<string, object?>(), CancellationToken.None)
                .ConfigureAwait(false);
            if (rows.Count > 0 && Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0 && rows[0][1] is DateTime first)
            {
                data[table.Name] = DateTime.SpecifyKind(first, DateTimeKind.Utc);
            }
        }
        _firstDays = (version, data);
        return (IReadOnlyDictionary<string, DateTime>)data;
    }).GetAwaiter().GetResult();

    /// <summary>A state behind the cluster's files is read again after this long (its load may be writing it now).</summary>
    public static readonly TimeSpan BehindStateKept = TimeSpan.FromSeconds(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Version, DateTime ReadAt, RollupState? State)> _rollups = new(StringComparer.Ordinal);

    /// <summary>
    /// The cluster's bookkeeping of its rollup (<see cref="ClickHouseRollups"/>), kept per engine and checked per request
    /// by the one read of the files' version (<see cref="VersionAsync"/>): any load, through this engine or another process,
    /// changes it, so a current state is read again only after a load. A state behind the files (or none) is kept under
    /// the same version for <see cref="BehindStateKept"/> at most, as a load writes its state after its files: the door
    /// may read raw that long after a load ends, never a rollup that is behind. Null when the cluster keeps none.
    /// </summary>
    public RollupState? Rollup(string name) => Task.Run(async () =>
    {
        var version = await VersionAsync(CancellationToken.None).ConfigureAwait(false);
        if (_rollups.TryGetValue(name, out var known) && known.Version == version
            && (known.State is { } state && state.LoadId == state.LatestLoadId || DateTime.UtcNow - known.ReadAt < BehindStateKept))
        {
            return known.State;
        }
        var read = await ReadRollupAsync(name, CancellationToken.None).ConfigureAwait(false);
        _rollups[name] = (version, DateTime.UtcNow, read);
        return read;
    }).GetAwaiter().GetResult();

    /// <summary>
    /// The rollup's state as the cluster holds it now, uncached (file ids stand for loads, so the rollup is current when
    /// it includes the newest file). Null when the cluster keeps none (or was set up before rollups: no <c>rollups</c> table).
    /// </summary>
    internal async Task<RollupState?> ReadRollupAsync(string name, CancellationToken cancellationToken)
    {
        var none = new Dictionary<string, object?>();
        var tables = await QueryAsync($"SELECT toInt64(count()) FROM system.tables WHERE database = {ClickHouseLiterals.Quote(Options.Database)} AND name = 'rollups'",
            none, cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(tables[0][0], System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }
        // Two statements: 18.16 cannot read a scalar subquery over a Distributed table beside another one.
        var state = await QueryAsync("SELECT layout_hash, time_zone, file_id FROM rollups WHERE name = {p0} ORDER BY file_id DESC, built_at DESC LIMIT 1",
            new Dictionary<string, object?> { ["p0"] = name }, cancellationToken).ConfigureAwait(false);
        if (state.Count == 0)
        {
            return null;
        }
        var files = await QueryAsync("SELECT toInt64(max(file_id)) FROM files", none, cancellationToken).ConfigureAwait(false);
        // The rollup's size as the door compares rollups: the rows of its tables' active parts on the node asked (each
        // node holds a share of every table, so the shares compare as the wholes do); metadata, no table is read.
        var rows = await QueryAsync("SELECT toInt64(sum(rows)) FROM system.parts WHERE active AND database = {p0} AND match(table, {p1})",
            new Dictionary<string, object?> { ["p0"] = Options.Database, ["p1"] = $"^rollup_{name}_[0-9]+_local$" }, cancellationToken).ConfigureAwait(false);
        return new RollupState(name, (string)state[0][0]!, (string)state[0][1]!, Convert.ToInt64(state[0][2], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(files[0][0], System.Globalization.CultureInfo.InvariantCulture),
            rows.Count == 0 || rows[0][0] is null ? null : Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        var bound = ClickHouseLiterals.Bind(sql, parameters) + "\nFORMAT TSVWithNamesAndTypes";
        using var response = await SendAsync(Settings(), new StringContent(bound, Encoding.UTF8), bound, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await TsvRows.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a statement that returns no rows (DDL, INSERT ... SELECT; inserts into Distributed tables synchronously).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(Settings() + "&insert_distributed_sync=1", new StringContent(sql, Encoding.UTF8), sql, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Inserts TSV rows into <paramref name="table"/> (a Distributed table: synchronously, so the rows are on their shards when it returns).</summary>
    public async Task InsertTsvAsync(string table, HttpContent tsv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var statement = $"INSERT INTO {Options.Database}.{table} FORMAT TSV";
        tsv.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        using var response = await SendAsync(Settings() + "&insert_distributed_sync=1&query=" + Uri.EscapeDataString(statement), tsv, statement, cancellationToken)
            .ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private string Settings() =>
        $"?database={Uri.EscapeDataString(Options.Database)}&distributed_product_mode=local&join_use_nulls=1" +
        $"&max_execution_time={Options.MaxExecutionSeconds}";

    private async Task<HttpResponseMessage> SendAsync(string query, HttpContent content, string statement, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(new Uri(query, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ClickHouseException($"Cannot reach ClickHouse at {Options.Url}: {ex.Message} (start a local cluster with scripts/clickhouse-cluster.sh start).", ex);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var first = statement.Split('\n')[0];
            throw new ClickHouseException($"ClickHouse at {Options.Url} refused '{(first.Length > 120 ? first[..120] + "..." : first)}': {body.Trim()}");
        }
    }
}
