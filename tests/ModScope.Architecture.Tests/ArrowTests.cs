using System.Reflection;

namespace ModScope.Architecture.Tests;

/// <summary>
/// The arrows of /work/shared/ARCHITECTURE.md, kept by the compiler's output: data flows one way through the core
/// library's folders, the core knows none of the assemblies built on it, and pure folders stay pure.
/// </summary>
public sealed class ArrowTests
{
    /// <summary>The core library's capability folders, lowest first: each may use only the folders before it.</summary>
    public static readonly IReadOnlyList<string> CoreLayers =
        ["Common", "Model", "Sources", "Store", "Auditing", "Ingest", "Catalog", "Stats", "Query", "Engines", "Explain", "Monitor", "Planning", "Reports", "Service"];

    private static readonly Assembly Core = typeof(Query.MetricQuery).Assembly;
    private static readonly Assembly Rendering = typeof(ModScope.Rendering.ReportRenderer).Assembly;
    private static readonly Assembly ClickHouse = typeof(ModScope.ClickHouse.ClickHouseEngine).Assembly;
    private static readonly Assembly Synthetic = typeof(ModScope.Synthetic.SyntheticGenerator).Assembly;
    private static readonly Assembly Web = typeof(ModScope.Web.DashboardApp).Assembly;

    private static readonly string[] Hosts = ["ModScope.Web", "ModScope.Cli"];
    private static readonly string[] HeavyPackages = ["ScottPlot", "SkiaSharp", "MiniExcelLibs", "Microsoft.Playwright", "Parquet", "Microsoft.AspNetCore", "Spectre.Console", "System.CommandLine"];

    [Fact]
    public void Core_folders_use_only_the_folders_below_them()
    {
        Assert.Empty(Arrows.LayerViolations(Core, "ModScope", CoreLayers));
    }

    [Fact]
    public void Every_core_folder_has_its_place_in_the_layers()
    {
        Assert.Empty(Arrows.Unplaced(Core, "ModScope", CoreLayers));
    }

    [Fact]
    public void Explain_stats_and_planning_maths_are_pure()
    {
        string[] io = ["ModScope.Store", "ModScope.Ingest", "ModScope.Query", "ModScope.Engines", "ModScope.Monitor", "ModScope.Reports", "DuckDB.NET"];
        Assert.Empty((string[])[
            .. Arrows.Forbidden(Core, "ModScope.Explain", "Explain is pure (plain data in, plain data out)", io),
            .. Arrows.Forbidden(Core, "ModScope.Stats", "Stats is pure (functions over numbers)", [.. io, "ModScope.Catalog"]),
            .. Arrows.Forbidden(Core, "ModScope.Planning.Forecasting", "forecasting is pure", [.. io, "ModScope.Catalog", "ModScope.Planning.Workload", "ModScope.Planning.Opportunities"]),
            .. Arrows.Forbidden(Core, "ModScope.Planning.Workload", "workload planning is pure", [.. io, "ModScope.Catalog", "ModScope.Planning.Opportunities"]),
            .. Arrows.Forbidden(Core, "ModScope.Planning.Opportunities", "opportunity sizing is pure", [.. io, "ModScope.Catalog"]),
        ]);
    }

    [Fact]
    public void Reports_read_alerts_and_never_write_the_monitors_state()
    {
        Assert.Empty(Arrows.Forbidden(Core, "ModScope.Reports", "a report reads; only the monitor writes its state",
            "ModScope.Monitor.Alerts.AlertStore", "ModScope.Monitor.MonitorRunner", "ModScope.Monitor.Quality.DataQualityChecks"));
    }

    [Fact]
    public void The_core_library_knows_none_of_the_assemblies_built_on_it_nor_their_packages()
    {
        string[] outer = ["ModScope.Rendering", "ModScope.ClickHouse", "ModScope.Synthetic", .. Hosts];
        Assert.Empty(Arrows.ForbiddenInAssembly(Core, "the core depends on no outer assembly or heavy package", [.. outer, .. HeavyPackages]));
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(referenced, name => outer.Contains(name) || HeavyPackages.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void Rendering_scale_out_and_synthetic_data_do_not_know_each_other_or_the_hosts()
    {
        Assert.Empty((string[])[
            .. Arrows.ForbiddenInAssembly(Rendering, "Rendering uses the core only", ["ModScope.ClickHouse", "ModScope.Synthetic", .. Hosts]),
            .. Arrows.ForbiddenInAssembly(ClickHouse, "ClickHouse uses the core only", ["ModScope.Rendering", "ModScope.Synthetic", .. Hosts, "ScottPlot", "MiniExcelLibs", "Microsoft.Playwright"]),
            .. Arrows.ForbiddenInAssembly(Synthetic, "Synthetic uses the core only", ["ModScope.Rendering", "ModScope.ClickHouse", .. Hosts, "ScottPlot", "MiniExcelLibs", "Microsoft.Playwright"]),
        ]);
    }

    [Fact]
    public void The_dashboard_neither_generates_data_nor_calls_the_command_line()
    {
        Assert.Empty(Arrows.ForbiddenInAssembly(Web, "the dashboard serves the store", "ModScope.Synthetic", "ModScope.Cli", "Spectre.Console", "System.CommandLine"));
    }
}
