using System.Text.Json;
using ModScope.Ingest;
using ModScope.Sources;
using ModScope.Tests.Support;

namespace ModScope.Tests.Sources;

/// <summary>The data contract states what a producer sends under the mapping; its check runs ingest's validation without a store.</summary>
public sealed class ContractTests : IDisposable
{
    private readonly TempStore _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void The_markdown_contract_names_their_columns_their_values_and_the_rules()
    {
        var md = ContractWriter.Write(BazaarData.Mapping(), "md");

        Assert.Contains("| `decision_time` | decided_at | timestamp | yes |  | ISO-8601 with a UTC offset, or wall-clock time in America/Sao_Paulo (ISO-8601 or %d/%m/%Y %H:%M) |", md, StringComparison.Ordinal);
        Assert.Contains("| `actor_type` | decided_by | string | yes | AUTO, HUMAN, automated, human | their values: AUTO = automated, HUMAN = human |", md, StringComparison.Ordinal);
        Assert.Contains("| `model_score` | model_score | number | no |  | extra column (source mapping) |", md, StringComparison.Ordinal);
        Assert.Contains("- Row rule `decided_before_created` (decision_time):", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_targets_empty_segment_cell_is_stated_as_matching_any_value()
    {
        var md = ContractWriter.Write(BazaarData.Mapping(), "md");

        Assert.Contains("| `region` | region | string | no |  | a known markets.region (reference data); empty means any value |", md, StringComparison.Ordinal);
        Assert.Contains("| `valid_from` | valid_from | date | no |  | empty means 1970-01-01 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("empty means  |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_schema_contract_describes_one_record_per_table_with_their_names()
    {
        using var schema = JsonDocument.Parse(ContractWriter.Write(BazaarData.Mapping(), "json-schema"));
        var decisions = schema.RootElement.GetProperty("$defs").GetProperty("decisions");

        Assert.Contains("ticket_ref", decisions.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("seller_tier", decisions.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("date-time", decisions.GetProperty("properties").GetProperty("opened").GetProperty("format").GetString());
        Assert.Equal("number", decisions.GetProperty("properties").GetProperty("model_score").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_check_reports_the_rows_ingest_would_quarantine_and_leaves_nothing_behind()
    {
        var export = Path.Combine(BazaarData.Folder, "export", "decisions-bazaar-2026-11.csv");
        var lines = File.ReadAllLines(export);
        // Line 3 gets an outcome the mapping does not know; everything else as shipped.
        lines[2] = lines[2].Replace(",Approved,", ",Escalated,", StringComparison.Ordinal);
        var bad = Path.Combine(_scratch.Directory, "decisions-bad.csv");
        File.WriteAllLines(bad, lines);
        var before = Directory.GetDirectories(Path.GetTempPath(), "modscope-contract-*").Length;

        var (result, findings) = await ContractCheck.RunAsync([Path.Combine(BazaarData.Folder, "reference"), bad],
            new IngestOptions(Mapping: BazaarData.Mapping()));

        var finding = Assert.Single(findings);
        Assert.Equal((bad, 3L, "verdict", QuarantineRules.UnknownValue), (finding.File, finding.Line, finding.Field, finding.Rule));
        Assert.Equal(10, result.Files.Single(f => f.Path == bad).RowsLoaded);
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "modscope-contract-*").Length);
    }
}
