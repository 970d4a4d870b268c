using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Rendering;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Tests.Reports;

/// <summary>
/// Four generated weeks (24 Aug – 20 Sep 2026, 600 decisions a day) in a store, and the exec and quality reports of
/// the last week (2026-W38) gathered and composed in English and Chinese, shared by the rendering tests.
/// </summary>
public sealed class ReportFixture : IDisposable
{
    public static readonly Period Week38 = new(new DateTime(2026, 9, 14), new DateTime(2026, 9, 21), "UTC", "2026-W38");

    public ReportFixture()
    {
        Folder = Directory.CreateTempSubdirectory("modscope-reports-").FullName;
        var data = Path.Combine(Folder, "data");
        SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 28, DecisionsPerDay: 600, Seed: 5)).GetAwaiter().GetResult();
        Store = ModScopeStore.Open(Path.Combine(Folder, "store.duckdb"));
        new Ingestor(Store).IngestAsync([data], new IngestOptions()).GetAwaiter().GetResult();
        Catalog = CatalogLoader.LoadDefault();
        Engine = new DuckDbEngine(Store);
        Query = new MetricQuery(Catalog, Engine);
        var builder = new ReportBuilder(Catalog, Query) { Charts = new ChartRenderer() };
        Exec = builder.LoadAsync(ReportScope.For(ReportAudience.Exec, Week38), []).GetAwaiter().GetResult();
        Quality = builder.LoadAsync(ReportScope.For(ReportAudience.Quality, Week38), []).GetAwaiter().GetResult();
        ExecEn = builder.Compose(Exec, "en");
        ExecZh = builder.Compose(Exec, "zh-Hans");
        QualityZh = builder.Compose(Quality, "zh-Hans");
    }

    public string Folder { get; }
    public ModScopeStore Store { get; }
    public MetricCatalog Catalog { get; }
    public DuckDbEngine Engine { get; }
    public MetricQuery Query { get; }
    public ReportData Exec { get; }
    public ReportData Quality { get; }
    public ReportDocument ExecEn { get; }
    public ReportDocument ExecZh { get; }
    public ReportDocument QualityZh { get; }

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        Engine.Dispose();
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
