using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Monitor;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Web.Tests;

/// <summary>
/// A small generated store (six weeks with incidents, ingested, one monitor run over its last days so there are
/// alerts), built once per test run and shared by the API and browser tests.
/// </summary>
public sealed class DashboardStore : IAsyncLifetime
{
    public const int Days = 42;
    public const int DecisionsPerDay = 4000;
    public const string AnalystToken = "analyst-secret";
    public const string ViewerName = "lee";
    public const string ViewerPassword = "viewer-pass";

    /// <summary>A viewer limited to region SEA (in the team's users).</summary>
    public const string SeaName = "sea";

    /// <summary>An analyst limited to region SEA (may export and generate reports).</summary>
    public const string SeaAnalystName = "sea-kim";
    public const string AnalystName = "kim";
    public const string AdminName = "ada";

    /// <summary>Every team user's password (one hash made once: each costs the full PBKDF2 work).</summary>
    public const string TeamPassword = "team-pass";

    /// <summary>The team dashboard's pseudonym key.</summary>
    public const string PseudonymKey = "pseudonym-test-key";

    private readonly TempFolder _folder = new("modscope-web-store-");

    public string Folder => _folder.Path;

    public string StorePath => Path.Combine(Folder, "store.duckdb");

    /// <summary>The day after the last generated day: "now" for the dashboard's relative periods.</summary>
    public DateTime DataEnd { get; } = GeneratorOptions.DefaultStart.AddDays(Days).ToDateTime(TimeOnly.MinValue);

    public MetricCatalog Catalog { get; } = CatalogLoader.LoadDefault();

    /// <summary>The viewer's hash, made once: each hash costs the full PBKDF2 work.</summary>
    private readonly Lazy<string> _viewerHash = new(() => ModScope.Web.Access.PasswordHash.Create(ViewerPassword));
    private readonly Lazy<string> _teamHash = new(() => ModScope.Web.Access.PasswordHash.Create(TeamPassword));

    /// <summary>The single-user dashboard (no users: no sign-in) with an analyst token.</summary>
    public DashboardOptions Options => new(StorePath, AnalystToken: AnalystToken);

    /// <summary>
    /// Settings that open the dashboard to a team: viewer <see cref="ViewerName"/>, SEA-scoped viewer <see cref="SeaName"/>,
    /// analyst <see cref="AnalystName"/> and admin <see cref="AdminName"/> (a users list in the configuration, one entry each).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Team => new Dictionary<string, string?>
    {
        ["ModScope:PseudonymKey"] = PseudonymKey,
        ["ModScope:Users"] = string.Join(';',
            $"{ViewerName}:viewer:{_viewerHash.Value}",
            $"{SeaName}:viewer:{_teamHash.Value}:region=SEA",
            $"{SeaAnalystName}:analyst:{_teamHash.Value}:region=SEA",
            $"{AnalystName}:analyst:{_teamHash.Value}",
            $"{AdminName}:admin:{_teamHash.Value}"),
    };

    public async Task InitializeAsync()
    {
        var data = Path.Combine(Folder, "data");
        var generator = new GeneratorOptions(data, Days, DecisionsPerDay, Seed: 11, Incidents: true);
        await SyntheticGenerator.GenerateAsync(generator);
        // Targets per segment (OverviewApiTests): Indonesia's QA accuracy target, and one for its region, SEA.
        File.WriteAllText(Path.Combine(data, "targets-teams.csv"),
            "metric,market,region,value\nqa_accuracy,ID,,0.97\nqa_accuracy,,SEA,0.96\nsla_attainment,,SEA,0.85\n");
        using var store = ModScopeStore.Open(StorePath);
        await new Ingestor(store).IngestAsync([data], new IngestOptions());
        using var engine = new DuckDbEngine(store);
        var runner = new MonitorRunner(store, Catalog, new MetricQuery(Catalog, engine))
        {
            Calendar = EventCalendar.LoadDefault(ModScope.Model.ReferenceData.Shipped.Markets),
            Quality = QualitySettingsLoader.LoadDefault(),
            ExplainTop = 3,
        };
        // Every day after four weeks of history, so the planted incidents raise metric alerts for the alert pages.
        await runner.RunAsync(DateOnly.FromDateTime(DataEnd.AddDays(-1)), Days - 28);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
