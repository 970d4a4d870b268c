using System.Globalization;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Monitor.Quality;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Five weeks of quiet generated data ending today (so every file is loaded inside the judged days), with planted
/// problems written into the files before both loads: a missing site-day, a null-heavy column (the policy of QA
/// audits), duplicated decision rows in one file, and audits of decisions that never arrive. The same files are
/// loaded into a DuckDB store and into a scratch database on the cluster of <see cref="ClusterFixture"/> (or, through
/// <see cref="ModernQualityData"/>, on the server of <see cref="ChdbFixture"/>); then a later load re-delivers stored
/// decisions, half at a higher version.
/// </summary>
public class QualityData : IAsyncLifetime
{
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly string _cluster;

    public QualityData()
        : this(ClusterFixture.Nodes, ClickHouseOptions.DefaultCluster)
    {
    }

    protected QualityData(IReadOnlyList<Uri> nodes, string cluster)
    {
        _nodes = nodes;
        _cluster = cluster;
    }

    public const int Days = 35;
    public const int OrphanRows = 6;
    public const int DuplicatedRows = 30;
    public const int RedeliveredRows = 20;
    public const string RedeliveryFile = "decisions-redelivered.csv";

    /// <summary>Small-data thresholds: a week judged, four weeks of baseline, sites with a handful of decisions a day judged.</summary>
    public static readonly QualitySettings Settings = new()
    {
        Days = 7,
        Volume = new VolumeSettings { BaselineWeeks = 4, MinBaselineWeeks = 3, MinExpectedRows = 5 },
        NullRate = new NullRateSettings { Columns = [.. new NullRateSettings().Columns, new NullRateColumn("qa_audits", "qa_policy_id", 0.01)] },
    };

    public string Folder { get; } = Directory.CreateTempSubdirectory("modscope-ch-quality-").FullName;
    public string Database { get; } = "modscope_quality_" + Guid.NewGuid().ToString("N")[..10];
    public DateOnly AsOf { get; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public DateOnly First => AsOf.AddDays(1 - Days);
    public ModScopeStore Store { get; private set; } = null!;
    public DuckDbEngine DuckDb { get; private set; } = null!;
    /// <summary>Reads with FINAL.</summary>
    public ClickHouseEngine ClickHouse { get; private set; } = null!;
    /// <summary>Reads without FINAL; the loader merged what it loaded.</summary>
    public ClickHouseEngine ClickHouseMerged { get; private set; } = null!;

    /// <summary>The site whose decisions of <see cref="MissingDay"/> were removed (the steadiest on that weekday).</summary>
    public string MissingSite { get; private set; } = "";
    public DateOnly MissingDay => AsOf.AddDays(-4);
    /// <summary>Audits from this day on lost their (optional) policy.</summary>
    public DateOnly BlankFrom => AsOf.AddDays(-3);
    public string DuplicateFile => $"decisions-{Text(AsOf.AddDays(-10))}.csv";
    /// <summary>Data lines of <see cref="DuplicateFile"/> before the duplicates were appended.</summary>
    public int DuplicateFileLines { get; private set; }
    public string OrphanFile => $"qa_audits-{Text(AsOf.AddDays(-20))}.csv";

    public async Task InitializeAsync()
    {
        var data = Path.Combine(Folder, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days, DecisionsPerDay: 600, Seed: 17, Incidents: false, Start: First));
        Plant(data);
        await ClickHouseSetup.CreateAsync(_nodes, Database, _cluster);
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        DuckDb = new DuckDbEngine(Store);
        ClickHouse = new ClickHouseEngine(new ClickHouseOptions(_nodes[0], Database, _cluster));
        ClickHouseMerged = new ClickHouseEngine(new ClickHouseOptions(_nodes[^1], Database, _cluster) { ReadFinal = false, Nodes = _nodes });
        await new Ingestor(Store).IngestAsync([data], new IngestOptions());
        await new ClickHouseLoader(ClickHouseMerged).IngestAsync([data], new IngestOptions());

        // A later load re-delivers stored decisions: RedeliveredRows at version 2 (they replace) and as many unchanged (duplicates).
        var later = Path.Combine(Folder, "later");
        Directory.CreateDirectory(later);
        var source = File.ReadAllLines(Path.Combine(data, $"decisions-{Text(AsOf.AddDays(-12))}.csv"));
        var stored = source.Skip(1).Take(2 * RedeliveredRows).Select(l => l.Split(',')).ToList();
        File.WriteAllLines(Path.Combine(later, RedeliveryFile), source.Take(1)
            .Concat(stored.Take(RedeliveredRows).Select(f => string.Join(',', f[..^1].Append("2"))))
            .Concat(stored.Skip(RedeliveredRows).Select(f => string.Join(',', f))));
        await new Ingestor(Store).IngestAsync([later], new IngestOptions());
        await new ClickHouseLoader(ClickHouseMerged).IngestAsync([later], new IngestOptions());
    }

    private void Plant(string data)
    {
        // Decisions: site is column 9, decided_by 7, decided_at 13 (generated CSV has no quoted fields).
        var missingDay = Text(MissingDay);
        // The site with the steadiest volume on that weekday: the largest smallest count over that day and the four before.
        var weekdays = Enumerable.Range(0, 5).Select(w => Text(MissingDay.AddDays(-7 * w))).ToHashSet();
        var counts = Directory.GetFiles(data, "decisions-*.csv").SelectMany(File.ReadLines).Select(l => l.Split(','))
            .Where(f => f[9].Length > 0 && weekdays.Contains(f[13][..Math.Min(10, f[13].Length)]))
            .GroupBy(f => (Site: f[9], Day: f[13][..10])).ToDictionary(g => g.Key, g => g.Count());
        MissingSite = counts.Keys.Select(k => k.Site).Distinct()
            .OrderByDescending(site => weekdays.Min(d => counts.GetValueOrDefault((site, d)))).ThenBy(site => site, StringComparer.Ordinal).First();
        foreach (var path in Directory.GetFiles(data, "decisions-*.csv"))
        {
            var lines = File.ReadAllLines(path);
            var kept = lines.Take(1).Concat(lines.Skip(1).Select(l => l.Split(','))
                .Where(f => !(f[9] == MissingSite && f[13].StartsWith(missingDay, StringComparison.Ordinal)))
                .Select(f => string.Join(',', f))).ToList();
            File.WriteAllLines(path, kept);
        }

        // Audits: qa_policy_id (optional) is column 8, audited_at 3.
        foreach (var path in Directory.GetFiles(data, "qa_audits-*.csv"))
        {
            var lines = File.ReadAllLines(path);
            File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Select(l => l.Split(',')).Select(f =>
            {
                if (string.CompareOrdinal(f[3], Text(BlankFrom)) >= 0)
                {
                    f[8] = "";
                }
                return string.Join(',', f);
            })));
        }

        var duplicate = Path.Combine(data, DuplicateFile);
        var rows = File.ReadAllLines(duplicate);
        DuplicateFileLines = rows.Length - 1;
        File.AppendAllLines(duplicate, rows.Skip(1).Take(DuplicatedRows));

        var orphans = Path.Combine(data, OrphanFile);
        var template = File.ReadLines(orphans).Skip(1).First().Split(',');
        File.AppendAllLines(orphans, Enumerable.Range(1, OrphanRows).Select(i =>
            string.Join(',', template.Select((v, c) => c switch { 0 => $"QA-ORPHAN-{i}", 1 => $"D-NEVER-{i}", _ => v }))));
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        DuckDb?.Dispose();
        Store?.Dispose();
        ClickHouse?.Dispose();
        ClickHouseMerged?.Dispose();
        await ClickHouseSetup.DropAsync(_nodes, Database);
        Directory.Delete(Folder, recursive: true);
    }
}
