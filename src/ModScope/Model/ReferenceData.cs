using System.Globalization;
using System.Reflection;

namespace ModScope.Model;

/// <summary>
/// Reference data: markets, policies, queues and sites (and the regions' names), each row with the date it is valid from. A store holds its own
/// (loaded like events, with history); <see cref="Shipped"/> is the build's <c>reference/</c> folder, which only seeds a
/// new store. Consumers read a store's copy (<c>Store.StoredReference</c>) and ask <see cref="Current"/> for the rows in
/// force on a day.
/// </summary>
public sealed record ReferenceData(
    IReadOnlyList<Market> Markets,
    IReadOnlyList<Policy> Policies,
    IReadOnlyList<Queue> Queues,
    IReadOnlyList<Site> Sites)
{
    /// <summary>The names of the reference files shipped in the build (embedded resources).</summary>
    public static readonly IReadOnlyList<string> TableNames = ["markets", "policies", "queues", "sites"];

    private static readonly Lazy<ReferenceData> ShippedData = new(LoadShipped);

    /// <summary>The reference data shipped with this build: read only to seed a new store (and by the generator, which writes data for it).</summary>
    public static ReferenceData Shipped => ShippedData.Value;

    /// <summary>
    /// Targets per segment, every row with its history (targets*.csv; none shipped: the catalogue's <c>target</c> is the
    /// default). <c>Query.SegmentTargets</c> chooses the one for a segment and day.
    /// </summary>
    public IReadOnlyList<SegmentTarget> Targets { get; init; } = [];

    /// <summary>
    /// The regions' display names, every row with its history (regions*.csv; shipped: reference/regions.csv). A market's
    /// region code with no row here is shown as its code.
    /// </summary>
    public IReadOnlyList<Region> RegionNames { get; init; } = [];

    /// <summary>No reference data at all (a store that could not be read, a test).</summary>
    public static ReferenceData Empty { get; } = new([], [], [], []);

    /// <summary>
    /// The rows in force on <paramref name="day"/>: per key, the row with the latest <c>valid_from</c> on or before it
    /// (a key whose rows all start later keeps its first row).
    /// </summary>
    public ReferenceData Current(DateOnly day) => new(
        InForce(Markets, m => m.Code, m => m.ValidFrom, day),
        InForce(Policies, p => p.PolicyId, p => p.ValidFrom, day),
        InForce(Queues, q => q.QueueId, q => q.ValidFrom, day),
        InForce(Sites, s => s.SiteId, s => s.ValidFrom, day))
    {
        Targets = Targets,
        RegionNames = InForce(RegionNames, r => r.Code, r => r.ValidFrom, day),
    };

    /// <summary>Each market's region, by market code (of the rows given: call on <see cref="Current"/>).</summary>
    public IReadOnlyDictionary<string, string> RegionByMarket()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var market in Markets.OrderBy(m => m.ValidFrom))
        {
            regions[market.Code] = market.Region;
        }
        return regions;
    }

    /// <summary>The regions of the markets, in first-seen order.</summary>
    public IReadOnlyList<string> Regions => Markets.Select(m => m.Region).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The raw text of one shipped reference file.</summary>
    public static string ReadText(string table)
    {
        var name = $"reference/{table}.csv";
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Reference file '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<T> InForce<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, DateOnly> from, DateOnly day) =>
        rows.GroupBy(key, StringComparer.Ordinal)
            .Select(g => g.Where(r => from(r) <= day).MaxBy(from) ?? g.MinBy(from)!)
            .ToList();

    private static ReferenceData LoadShipped()
    {
        var always = ReferenceSchema.Always;
        return new(
            Rows("markets").Select(r => new Market(r[0], r[1], r[2], r[3], r[4], r[5], always)).ToArray(),
            Rows("policies").Select(r => new Policy(r[0], r[1].Length == 0 ? null : r[1], r[2], r[3], r[4], always)).ToArray(),
            Rows("queues").Select(r => new Queue(r[0], r[1], r[2], double.Parse(r[3], CultureInfo.InvariantCulture), r[4], r[5], always)).ToArray(),
            Rows("sites").Select(r => new Site(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], always)).ToArray())
        {
            RegionNames = Rows("regions").Select(r => new Region(r[0], r[1], r[2], always)).ToArray(),
        };
    }

    // The shipped files are small, trusted and comma-only, so they are split here rather than through a CSV engine.
    private static IEnumerable<string[]> Rows(string table) =>
        ReadText(table)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','));
}
