using ModScope.Catalog;

namespace ModScope.Tests.Catalog;

/// <summary>The catalogue's roles: what library logic asks for instead of naming a metric, checked when the file loads.</summary>
public sealed class CatalogRoleTests
{
    private const string Metrics = """
        catalog: test
        version: 1
        owner: tests
        dimensions:
          - id: market
            name: {en: Market, zh-Hans: 市场}
            column: market
            sources: [decisions]
        metrics:
          - id: decisions
            version: 1
            name: {en: Decisions, zh-Hans: 决策}
            description: {en: Decisions., zh-Hans: 决策。}
            unit: decisions
            format: integer
            direction: neutral
            measure: {source: decisions, time: decided_at, aggregate: count}
        """;

    private static readonly string[] Single =
        ["volume", "staffing_hours", "qa_rate", "over_enforcement", "under_enforcement", "agreement", "overturn", "sla", "turnaround", "backlog"];

    private static readonly string[] Lists =
        ["overview", "report_headline", "report_movements", "report_quality", "report_ranking", "quality_errors", "thin_samples",
         "charts_exec", "charts_regional", "charts_quality"];

    /// <summary>Every role filled with the one metric; <paramref name="edit"/> changes the roles section's lines.</summary>
    private static string With(Func<List<string>, List<string>> edit) =>
        Metrics + "\nroles:\n" + string.Join('\n', edit([.. Single.Select(r => $"  {r}: decisions"), .. Lists.Select(r => $"  {r}: [decisions]")])) + "\n";

    [Fact]
    public void A_catalogue_filling_every_role_loads_with_them()
    {
        var catalog = CatalogLoader.Parse(With(lines => lines), "roles.yaml");

        Assert.Equal("decisions", catalog.Roles.Volume);
        Assert.Equal(["decisions"], catalog.Roles.Overview);
    }

    [Fact]
    public void Monitored_is_true_or_false_and_a_misspelt_value_names_the_field()
    {
        var file = With(lines => lines);
        var kept = CatalogLoader.Parse(file.Replace("    direction: neutral\n", "    direction: neutral\n    monitored: false\n", StringComparison.Ordinal), "m.yaml");
        Assert.False(kept.Metric("decisions").Monitored);
        Assert.True(CatalogLoader.Parse(file, "m.yaml").Metric("decisions").Monitored);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(file.Replace("    direction: neutral\n", "    direction: neutral\n    monitored: no\n", StringComparison.Ordinal), "m.yaml"));
        Assert.Contains("must be true or false, not 'no'", Assert.Single(error.Issues, i => i.Field.EndsWith(".monitored", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Planning_roles_are_optional_but_checked_when_given()
    {
        var without = CatalogLoader.Parse(With(lines => lines), "roles.yaml");
        Assert.Null(without.Roles.HumanVolume);
        var planning = Assert.Throws<ModScope.Planning.PlanningException>(() => ModScope.Planning.PlanningMetrics.From(without.Roles));
        Assert.Contains("roles.human_volume", planning.Message, StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(With(lines => [.. lines, "  handling_time: aht"]), "roles.yaml"));
        Assert.Contains("unknown metric 'aht'", Assert.Single(error.Issues, i => i.Field == "roles.handling_time").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_catalogue_fills_every_role_with_its_own_metrics()
    {
        var catalog = CatalogLoader.LoadDefault();
        var roles = catalog.Roles;
        string[] single = [roles.Volume, roles.StaffingHours, roles.QaRate, roles.OverEnforcement, roles.UnderEnforcement, roles.Agreement,
            roles.Overturn, roles.Sla, roles.Turnaround, roles.Backlog];

        Assert.All(single.Concat(roles.Overview).Concat(roles.ReportHeadline), id => Assert.Contains(catalog.Metrics, m => m.Id == id));
        Assert.Equal(9, roles.Overview.Count);
        string?[] planning = [roles.HumanVolume, roles.HandlingTime, roles.HandlingSquares, roles.Utilisation, roles.LabourCost];
        Assert.All(planning, id => Assert.Contains(catalog.Metrics, m => m.Id == id));
    }

    [Fact]
    public void Missing_roles_unknown_roles_and_unknown_metrics_are_each_reported_with_their_line()
    {
        var text = With(lines =>
        {
            lines.RemoveAll(l => l.StartsWith("  backlog:", StringComparison.Ordinal));
            lines[0] = "  volume: decision";
            lines.Add("  overveiw: [decisions]");
            return lines;
        });

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "roles.yaml"));

        var lines = text.Split('\n');
        int LineOf(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
        var unknownMetric = Assert.Single(error.Issues, i => i.Field == "roles.volume");
        Assert.Contains("unknown metric 'decision'; did you mean 'decisions'?", unknownMetric.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf("  volume:"), unknownMetric.Line);
        Assert.Contains("did you mean 'overview'", Assert.Single(error.Issues, i => i.Field == "roles.overveiw").Message, StringComparison.Ordinal);
        Assert.Equal("is required", Assert.Single(error.Issues, i => i.Field == "roles.backlog").Message);
    }

    [Fact]
    public void A_catalogue_without_roles_says_it_needs_them()
    {
        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(Metrics, "no-roles.yaml"));

        Assert.StartsWith("is required", Assert.Single(error.Issues, i => i.Field == "roles").Message, StringComparison.Ordinal);
    }
}
