using ModScope.Web;

// `dotnet run --project src/ModScope.Web -- --ModScope:Store=demo/modscope.duckdb`; the CLI's `modscope serve` starts the same app.
await DashboardApp.Build(args).RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public so tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
