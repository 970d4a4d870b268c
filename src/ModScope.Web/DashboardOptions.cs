namespace ModScope.Web;

/// <summary>
/// What the dashboard serves and who may change alerts. Read from configuration section <c>ModScope</c>
/// (<c>ModScope:Store</c>, <c>ModScope:Catalog</c>, <c>ModScope:AnalystToken</c>, <c>ModScope:Users</c>) or the
/// environment variables <c>MODSCOPE_ANALYST_TOKEN</c> and <c>MODSCOPE_USERS</c>.
/// </summary>
/// <param name="StorePath">The DuckDB store file (must exist).</param>
/// <param name="CatalogPath">The catalogue YAML, or null for ./catalog/core-index.yaml when present, else the shipped one.</param>
/// <param name="AnalystToken">A bearer token that grants the analyst role, or null.</param>
/// <param name="Users">Users as <c>name:role:hash</c> (role viewer or analyst, hash from <see cref="Access.PasswordHash"/>), for HTTP basic auth.</param>
public sealed record DashboardOptions(string StorePath, string? CatalogPath = null, string? AnalystToken = null, IReadOnlyList<string>? Users = null)
{
    public const string Section = "ModScope";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Configuration key/value pairs that carry these options into the app.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToSettings()
    {
        yield return new($"{Section}:Store", StorePath);
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
    }
}
