using ModScope.ClickHouse;

namespace ModScope.ClickHouse.Tests;

/// <summary>scripts/clickhouse-schema.sql (what the cluster script runs on each node) is the DDL ClickHouseSchema writes.</summary>
public sealed class SchemaFileTests
{
    [Fact]
    public void The_script_schema_file_is_the_generated_schema()
    {
        var path = RepoPaths.Combine("scripts", "clickhouse-schema.sql");
        var expected = ClickHouseSchema.Script(ClickHouseOptions.DefaultDatabase, ClickHouseOptions.DefaultCluster);
        if (Environment.GetEnvironmentVariable("MODSCOPE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
        // The script splits statements at blank lines: none may contain one.
        Assert.All(ClickHouseSchema.Statements("modscope", "two_shards"), s => Assert.DoesNotContain("\n\n", s, StringComparison.Ordinal));
    }
}
