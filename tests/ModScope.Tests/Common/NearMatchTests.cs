using ModScope.Common;

namespace ModScope.Tests.Common;

public sealed class NearMatchTests
{
    // Market codes of reference/markets.csv.
    private static readonly string[] Markets = ["ID", "TH", "MY", "VN", "PH", "SG", "GB", "IE", "ES", "DE", "FR", "IT", "US", "MX", "BR", "SA", "AE", "JP"];

    [Fact]
    public void A_two_letter_code_two_edits_from_every_code_suggests_none()
    {
        // (XX would be one edit from MX.)
        Assert.Empty(NearMatch.Find("QQ", Markets));
        Assert.Equal("", NearMatch.Suggest("QQ", Markets));
    }

    [Fact]
    public void A_code_one_edit_away_or_in_another_case_is_suggested()
    {
        // "IX" is one substitution from ID, IE and IT; "us" is US in another case (distance 0 after lowering), so ES, one
        // edit from it, is not offered beside it.
        Assert.Equal(["ID", "IE", "IT"], NearMatch.Find("IX", Markets));
        Assert.Equal(["US"], NearMatch.Find("us", Markets));
    }

    [Fact]
    public void A_longer_name_still_gets_two_edits()
    {
        // qa_acuracy -> qa_accuracy is one insertion, qa_acurcy -> qa_accuracy two.
        Assert.Equal(["qa_accuracy"], NearMatch.Find("qa_acuracy", ["qa_accuracy", "automation_rate"]));
        Assert.Equal(["qa_accuracy"], NearMatch.Find("qa_acurcy", ["qa_accuracy", "automation_rate"]));
    }
}
