using ModScope.Model;
using ModScope.Reports;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using static ModScope.Tests.Reports.Hand;

namespace ModScope.Tests.Reports;

/// <summary>
/// A regional report names its region by the reference data's display name (reference/regions.csv: SEA is Southeast
/// Asia, 东南亚), never by its code; a store's own regions file renames it.
/// </summary>
public sealed class RegionNameTests
{
    private static ReportDocument Regional(ReferenceData reference, string language)
    {
        var data = Data(ReportAudience.Regional, [Set(ReportSets.Headline, Row("decision_volume", 10, 9))], region: "SEA") with { Reference = reference };
        return new ReportComposer(data, ReportText.For(language)).Compose(StorylineBuilder.Build(data));
    }

    [Fact]
    public void The_regional_report_of_SEA_is_titled_with_its_name_in_each_language()
    {
        Assert.Equal("Regional business review: Southeast Asia", Regional(ReferenceData.Shipped, "en").Title);
        Assert.Equal("区域经营分析：东南亚", Regional(ReferenceData.Shipped, "zh-Hans").Title);
    }

    [Fact]
    public void A_stores_own_region_name_is_the_one_shown_and_a_region_without_a_name_shows_its_code()
    {
        var renamed = ReferenceData.Shipped with { RegionNames = [new Region("SEA", "South-East Asia", "东南亚地区", ReferenceSchema.Always)] };

        Assert.Equal("区域经营分析：东南亚地区", Regional(renamed, "zh-Hans").Title);
        Assert.Equal("Regional business review: SEA", Regional(ReferenceData.Shipped with { RegionNames = [] }, "en").Title);
    }
}
