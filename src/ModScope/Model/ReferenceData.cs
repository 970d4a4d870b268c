using System.Reflection;

namespace ModScope.Model;

/// <summary>
/// Markets, policies, queues and sites shipped with ModScope (the <c>reference/</c> folder, embedded in
/// the library). The files are small, trusted and comma-only, so they are split here rather than
/// through a CSV engine; the store loads the same bytes with DuckDB.
/// </summary>
public sealed record ReferenceData(
    IReadOnlyList<Market> Markets,
    IReadOnlyList<Policy> Policies,
    IReadOnlyList<Queue> Queues,
    IReadOnlyList<Site> Sites)
{
    /// <summary>The names of the reference tables, as embedded resources and store tables.</summary>
    public static readonly IReadOnlyList<string> TableNames = ["markets", "policies", "queues", "sites"];

    private static readonly Lazy<ReferenceData> Shipped = new(LoadShipped);

    /// <summary>The reference data shipped with this build.</summary>
    public static ReferenceData Default => Shipped.Value;

    /// <summary>Each market's region, by market code.</summary>
    public IReadOnlyDictionary<string, string> RegionByMarket() =>
        Markets.ToDictionary(m => m.Code, m => m.Region, StringComparer.Ordinal);

    /// <summary>The raw text of one shipped reference file.</summary>
    public static string ReadText(string table)
    {
        var name = $"reference/{table}.csv";
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Reference file '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ReferenceData LoadShipped() => new(
        Rows("markets").Select(r => new Market(r[0], r[1], r[2], r[3], r[4], r[5])).ToArray(),
        Rows("policies").Select(r => new Policy(r[0], r[1].Length == 0 ? null : r[1], r[2], r[3], r[4])).ToArray(),
        Rows("queues").Select(r => new Queue(r[0], r[1], r[2], double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), r[4], r[5])).ToArray(),
        Rows("sites").Select(r => new Site(r[0], r[1], r[2], r[3], r[4], r[5], r[6])).ToArray());

    private static IEnumerable<string[]> Rows(string table) =>
        ReadText(table)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','));
}
