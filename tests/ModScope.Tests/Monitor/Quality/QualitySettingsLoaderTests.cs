using System.Text.Json;
using ModScope.Catalog;
using ModScope.Common;
using ModScope.Monitor.Quality;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>Settings files are optional key by key; every problem in one is reported at once, with line, field and near matches.</summary>
public sealed class QualitySettingsLoaderTests
{
    private static string Json(QualitySettings settings) => JsonSerializer.Serialize(settings);

    [Fact]
    public void The_shipped_file_documents_exactly_the_defaults()
    {
        var defaults = Json(new QualitySettings());

        Assert.Equal(defaults, Json(QualitySettingsLoader.LoadDefault()));
        Assert.Equal(defaults, Json(QualitySettingsLoader.Load(RepoPaths.Combine("catalog", "monitors.yaml"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing set\n")]
    public void An_empty_file_gives_the_defaults(string text)
    {
        Assert.Equal(Json(new QualitySettings()), Json(QualitySettingsLoader.Parse(text, "empty.yaml")));
    }

    [Fact]
    public void A_file_changes_only_the_keys_it_names()
    {
        var settings = QualitySettingsLoader.Parse("""
            volume: {robust_z: 3}
            freshness:
              max_lag_hours: {staffing: 24}
            null_rate:
              columns:
                - {table: qa_audits, column: qa_policy_id, max_rate: 0.05, when: {qa_verdict: remove}}
            """, "partial.yaml");

        var defaults = new QualitySettings();
        Assert.Equal(3, settings.Volume.RobustZ);
        Assert.Equal(defaults.Volume.RelativeChange, settings.Volume.RelativeChange);
        Assert.Equal(24, settings.Freshness.HoursFor("staffing"));
        Assert.Equal(36, settings.Freshness.HoursFor("decisions"));
        var column = Assert.Single(settings.NullRate.Columns);
        Assert.Equal(("qa_audits", "qa_policy_id", 0.05, "remove"), (column.Table, column.Column, column.MaxRate, column.When["qa_verdict"]));
        Assert.Equal(defaults.NullRate.Days, settings.NullRate.Days);
        Assert.Equal(defaults.Days, settings.Days);
    }

    private const string Broken = """
        days: 14
        quarantin: {max_rate: 0.02}
        volume:
          robust_zz: 3
          baseline_weeks: 3
          min_baseline_weeks: 4
        late_arrival: {max_share: 1.5, max_delay_days: two}
        null_rate:
          columns:
            - {table: decision, column: language, max_rate: 0.01}
            - {table: decisions, column: langauge, max_rate: 0.01}
            - {table: decisions, column: site, max_rate: 0.01, when: {decided_by: humn}}
        """;

    private static CatalogException Load() => Assert.Throws<CatalogException>(() => QualitySettingsLoader.Parse(Broken, "monitors-broken.yaml"));

    private static CatalogIssue Find(CatalogException error, string field, string messagePart) =>
        Assert.Single(error.Issues, i => i.Field == field && i.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void Unknown_keys_are_reported_with_their_line_and_a_near_match()
    {
        var error = Load();

        var section = Find(error, "(root).quarantin", "unknown key 'quarantin'");
        Assert.Equal((2, "monitors-broken.yaml"), (section.Line, section.File));
        Assert.Contains("did you mean 'quarantine'", section.Message, StringComparison.Ordinal);
        Assert.Equal(4, Find(error, "volume.robust_zz", "did you mean 'robust_z'").Line);
    }

    [Fact]
    public void Bad_values_are_reported_on_their_line()
    {
        var error = Load();

        Assert.Equal(7, Find(error, "late_arrival.max_share", "1.5 is outside 0..1").Line);
        Assert.Equal(7, Find(error, "late_arrival.max_delay_days", "'two' is not a number").Line);
        Assert.Equal(6, Find(error, "volume.min_baseline_weeks", "4 is more than baseline_weeks (3)").Line);
    }

    [Fact]
    public void Unknown_tables_columns_and_values_in_null_rate_columns_get_near_matches()
    {
        var error = Load();

        Assert.Contains("did you mean 'decisions'", Find(error, "null_rate.columns.decision.language.table", "unknown table 'decision'").Message, StringComparison.Ordinal);
        Assert.Equal(11, Find(error, "null_rate.columns.decisions.langauge.column", "did you mean 'language'").Line);
        Assert.Contains("did you mean 'human'", Find(error, "null_rate.columns.decisions.site.when.decided_by", "'humn' is not a value").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_exception()
    {
        var error = Load();

        Assert.Equal(8, error.Issues.Count);
        Assert.Equal(error.Issues.OrderBy(i => i.Line).Select(i => i.Line), error.Issues.Select(i => i.Line));
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        var error = Assert.Throws<CatalogException>(() => QualitySettingsLoader.Load("/nonexistent/monitors.yaml"));

        Assert.Contains("/nonexistent/monitors.yaml: cannot be read", error.Message, StringComparison.Ordinal);
    }
}
