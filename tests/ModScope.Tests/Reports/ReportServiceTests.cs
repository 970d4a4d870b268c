using ModScope.Model;
using ModScope.Query;
using ModScope.Reports;

namespace ModScope.Tests.Reports;

/// <summary>The scope checks and file names every host (CLI, dashboard) gets from <see cref="ReportService"/>.</summary>
public sealed class ReportServiceTests
{
    private static readonly Period Week = new(new DateTime(2026, 11, 9), new DateTime(2026, 11, 16), "UTC", "2026-W46");

    [Theory]
    [InlineData(ReportAudience.Exec, "SEA", "ID", "market")]
    [InlineData(ReportAudience.Regional, null, null, "region")]
    [InlineData(ReportAudience.Regional, "MARS", null, "region")]
    [InlineData(ReportAudience.Quality, null, "ZZ", "market")]
    public void A_scope_that_cannot_be_reported_names_its_parameter(ReportAudience audience, string? region, string? market, string parameter)
    {
        var error = Assert.Throws<ReportRequestException>(() => ReportService.Scope(ReferenceData.Shipped, audience, Week, region, market));

        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void A_market_scope_filters_to_the_market_and_the_prior_period_is_the_week_before()
    {
        var scope = ReportService.Scope(ReferenceData.Shipped, ReportAudience.Regional, Week, market: "id");

        Assert.Equal("ID", scope.Market);
        Assert.Equal(new DateTime(2026, 11, 2), scope.Prior.Start);
        Assert.Equal(["ID"], Assert.Single(scope.Filters).Values);
    }

    [Fact]
    public void The_file_name_says_audience_place_days_and_language()
    {
        var scope = ReportService.Scope(ReferenceData.Shipped, ReportAudience.Regional, Week, region: "UK");

        Assert.Equal("modscope-regional-UK-2026-11-09_2026-11-15-zh-Hans.xlsx", ReportService.FileName(scope, "zh-Hans", ReportFormat.Xlsx));
    }
}
