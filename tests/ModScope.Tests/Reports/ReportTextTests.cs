using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ModScope.Rendering;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Tests.Reports;

/// <summary>The report texts: the same keys and placeholders in both languages, and no English left in a Chinese report.</summary>
[Collection(ReportStoreCollection.Name)]
public sealed partial class ReportTextTests(ReportFixture fixture)
{
    private static readonly ReportText English = ReportText.For("en");
    private static readonly ReportText Chinese = ReportText.For("zh-Hans");

    [Fact]
    public void Every_key_exists_in_both_languages_with_the_same_placeholders()
    {
        Assert.Equal(English.Keys.Order(StringComparer.Ordinal), Chinese.Keys.Order(StringComparer.Ordinal));
        foreach (var key in English.Keys)
        {
            Assert.True(English.Placeholders(key).SetEquals(Chinese.Placeholders(key)), $"'{key}' has different placeholders in en and zh-Hans");
        }
    }

    [Fact]
    public void Every_sentence_template_the_storylines_can_choose_exists()
    {
        // Keys the story code names literally: every "xxx.yyy" string in Reports/Story that looks like a text key.
        var source = string.Concat(Directory.GetFiles(Support.RepoPaths.Combine("src", "ModScope", "Reports", "Story"), "*.cs").Select(File.ReadAllText));
        var keys = LiteralKey().Matches(source).Select(m => m.Groups[1].Value)
            .Where(k => k.Split('.')[0] is "headline" or "move" or "risk" or "decision" or "region" or "ranking" or "alert" or "outlook" or "quality" or "thin" or "table" or "col" or "status" or "kappa")
            .Where(k => !k.EndsWith('.'))
            .ToHashSet();
        Assert.NotEmpty(keys);
        foreach (var key in keys.Where(k => !k.StartsWith("col.", StringComparison.Ordinal) || English.Has(k)))
        {
            Assert.True(English.Has(key) || English.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)), $"no text for '{key}'");
        }
        // A metric's own decision sentence (decision.{id}) is chosen by its key; each must name a catalogue metric.
        var catalog = ModScope.Catalog.CatalogLoader.LoadDefault();
        var own = English.Keys.Where(k => k.StartsWith("decision.", StringComparison.Ordinal) && k is not ("decision.generic" or "decision.none" or "decision.qa_sample")).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, k => Assert.Contains(catalog.Metrics, m => m.Id == k["decision.".Length..]));
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            Assert.True(English.Has($"section.{kind}"), kind.ToString());
        }
    }

    [Fact]
    public void A_chinese_report_contains_no_english_template_text()
    {
        var body = new HtmlParser().ParseDocument(HtmlRenderer.Render(fixture.ExecZh));
        body.QuerySelector("#appendix")!.Remove();
        var quality = new HtmlParser().ParseDocument(HtmlRenderer.Render(fixture.QualityZh));
        quality.QuerySelector("#appendix")!.Remove();
        var text = body.Body!.TextContent + quality.Body!.TextContent;
        Assert.Contains("内容审核业务复盘", text, StringComparison.Ordinal);
        // Every run of two or more English words of every English template must be absent.
        foreach (var key in English.Keys)
        {
            foreach (Match phrase in EnglishPhrase().Matches(Placeholder().Replace(English[key], "|")))
            {
                if (Chinese[key].Contains(phrase.Value, StringComparison.Ordinal))
                {
                    continue; // a command both languages quote, e.g. "modscope explain --alert"
                }
                Assert.False(text.Contains(phrase.Value, StringComparison.OrdinalIgnoreCase), $"English text of '{key}' in the Chinese report: \"{phrase.Value}\"");
            }
        }
    }

    [GeneratedRegex(@"""([a-z_]+\.[a-z_.]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"[A-Za-z]{2,}(?:[ -][A-Za-z]{2,})+")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex Placeholder();
}
