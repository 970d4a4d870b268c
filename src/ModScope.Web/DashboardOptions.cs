namespace ModScope.Web;

/// <summary>
/// What the dashboard serves and who may change alerts. Read from configuration section <c>ModScope</c>
/// (<c>ModScope:Store</c>, <c>ModScope:Catalog</c>, <c>ModScope:Engine</c> and <c>ModScope:ClickHouse:*</c>,
/// <c>ModScope:AnalystToken[File]</c>, <c>ModScope:Users[File]</c>, <c>ModScope:AllowedHosts</c>, <c>ModScope:Limits:*</c>)
/// or the environment variables <c>MODSCOPE_ANALYST_TOKEN[_FILE]</c> and <c>MODSCOPE_USERS[_FILE]</c>
/// (see <see cref="Access.SecretSource"/>).
/// </summary>
/// <param name="StorePath">The DuckDB store file (must exist, unless <see cref="ClickHouse"/> holds the data).</param>
/// <param name="CatalogPath">The catalogue YAML, or null for ./catalog/core-index.yaml when present, else the shipped one.</param>
/// <param name="AnalystToken">A bearer token that grants the analyst role, or null (prefer <see cref="AnalystTokenFile"/>).</param>
/// <param name="Users">Users as <c>name:role:hash</c> (role viewer or analyst, hash from <see cref="Access.PasswordHash"/>), for HTTP basic auth.</param>
public sealed record DashboardOptions(string StorePath, string? CatalogPath = null, string? AnalystToken = null, IReadOnlyList<string>? Users = null)
{
    public const string Section = "ModScope";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Read the numbers from this ClickHouse cluster instead of the store (<c>ModScope:Engine=clickhouse</c>); the
    /// store then holds only alerts and monitor runs, and is created when missing. Null: the store holds everything.
    /// </summary>
    public ModScope.ClickHouse.ClickHouseOptions? ClickHouse { get; init; }

    /// <summary>A file holding the analyst token (read at start; the token never appears on a command line).</summary>
    public string? AnalystTokenFile { get; init; }

    /// <summary>A file of users, one <c>name:role:hash</c> per line (<c>#</c> starts a comment).</summary>
    public string? UsersFile { get; init; }

    /// <summary>Host names answered besides the loopback ones (when listening beyond loopback).</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>Result, cache and rate limits; null for the defaults.</summary>
    public DashboardLimits? Limits { get; init; }

    /// <summary>
    /// Runs CLI write commands forwarded to the server (<c>POST /api/commands</c>, see <see cref="Forwarding.CommandEndpoints"/>);
    /// with it the server writes <see cref="Forwarding.ServerInfoFile"/> beside the store. Null: no forwarding.
    /// </summary>
    public Forwarding.ICommandRunner? Commands { get; init; }

    /// <summary>Unattended work (landing folder, schedules), run through <see cref="Commands"/>; null: none.</summary>
    public ModScope.Service.ServiceConfig? Service { get; init; }

    /// <summary>Configuration key/value pairs that carry these options into the app.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToSettings()
    {
        yield return new($"{Section}:Store", StorePath);
        if (ClickHouse is not null)
        {
            yield return new($"{Section}:Engine", "clickhouse");
            yield return new($"{Section}:ClickHouse:Url", ClickHouse.Url.ToString());
            yield return new($"{Section}:ClickHouse:Database", ClickHouse.Database);
            yield return new($"{Section}:ClickHouse:Cluster", ClickHouse.Cluster);
            yield return new($"{Section}:ClickHouse:ReadFinal", ClickHouse.ReadFinal ? "true" : "false");
        }
        if (CatalogPath is not null)
        {
            yield return new($"{Section}:Catalog", CatalogPath);
        }
        if (AnalystToken is not null)
        {
            yield return new($"{Section}:AnalystToken", AnalystToken);
        }
        if (Users is { Count: > 0 })
        {
            yield return new($"{Section}:Users", string.Join(';', Users));
        }
        if (AnalystTokenFile is not null)
        {
            yield return new($"{Section}:AnalystTokenFile", AnalystTokenFile);
        }
        if (UsersFile is not null)
        {
            yield return new($"{Section}:UsersFile", UsersFile);
        }
        if (AllowedHosts is { Count: > 0 })
        {
            yield return new($"{Section}:AllowedHosts", string.Join(';', AllowedHosts));
        }
        foreach (var setting in Limits?.ToSettings() ?? [])
        {
            yield return setting;
        }
    }
}
