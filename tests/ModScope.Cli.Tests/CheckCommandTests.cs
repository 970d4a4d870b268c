namespace ModScope.Cli.Tests;

/// <summary>
/// <c>modscope check</c> says whether a store is sound (exit 0) or lists its problems (exit 1); any command that meets a
/// damaged store says "store is damaged: run modscope check" instead of "internal error", and the store takes no more writes.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Store => Path.Combine(_dir, "store.duckdb");

    private async Task Load()
    {
        var csv = Path.Combine(_dir, "decisions-1.csv");
        File.WriteAllText(csv,
            "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds,version\n" +
            string.Concat(Enumerable.Range(1, 20_000).Select(i =>
                $"D{i},listing,L{i * 7919 % 100_003},US,US-prelisting,counterfeit,proactive_model,automated,,,approve,en,2026-08-24T10:00:00Z,2026-08-24T10:{i % 60:00}:00Z,{i % 97},1\n")));
        var (exit, _, error) = await CliRunner.Run("ingest", csv, "--store", Store);
        Assert.True(exit == ExitCodes.Ok, error);
    }

    [Fact]
    public async Task A_sound_store_passes_and_exits_zero()
    {
        await Load();

        var (exit, output, _) = await CliRunner.Run("check", "--store", Store);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("table decisions: every block's checksum", output, StringComparison.Ordinal);
        Assert.Contains("is sound", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sound_store_is_checked_in_chinese_with_lang_zh_hans()
    {
        await Load();

        var (exit, output, error) = await CliRunner.Run("check", "--store", Store, "--lang", "zh-Hans");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("正常  表 decisions：每个数据块的校验和均正确", output, StringComparison.Ordinal);
        Assert.Contains("表 appeals 中没有决策（decision_id）未存储的行", output, StringComparison.Ordinal);
        Assert.Contains($"存储 {Store} 完好。", output, StringComparison.Ordinal);
        Assert.DoesNotContain("checksum", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_store_is_named_so_by_any_command_and_check_exits_one()
    {
        await Load();
        var bytes = File.ReadAllBytes(Store);
        for (var block = 12_288 + 262_144; block + 4_200 < bytes.Length; block += 262_144)
        {
            for (var i = block + 4_000; i < block + 4_100; i++)
            {
                bytes[i] ^= 0x5A;
            }
        }
        File.WriteAllBytes(Store, bytes);

        var (exit, _, error) = await CliRunner.Run("query", "--store", Store, "--metric", "decision_volume", "--period", "2026-08-24..2026-08-25");
        var (checkExit, output, _) = await CliRunner.Run("check", "--store", Store);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"store is damaged: run modscope check --store {Store}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, checkExit);
        Assert.Contains("problem", output, StringComparison.Ordinal);
        var (ingestExit, _, ingestError) = await CliRunner.Run("ingest", Path.Combine(_dir, "decisions-1.csv"), "--store", Store);
        Assert.Equal(ExitCodes.BadInput, ingestExit);
        Assert.Contains("store is damaged", ingestError, StringComparison.Ordinal);
    }
}
