namespace ModScope.Web.Tests;

/// <summary>The shipped sites' Chinese names, read from reference/sites.csv as plain CSV (by its header), for the pages' checks.</summary>
internal static class SiteNames
{
    public static IReadOnlyDictionary<string, string> Chinese()
    {
        var rows = File.ReadLines(Path.Combine(BazaarDashboard.Repo(), "reference", "sites.csv")).Select(l => l.Split(',')).ToList();
        var id = Array.IndexOf(rows[0], "site_id");
        var name = Array.IndexOf(rows[0], "name_zh");
        return rows.Skip(1).ToDictionary(r => r[id], r => r[name], StringComparer.Ordinal);
    }
}
