using System.Reflection;

namespace ModScope.Architecture.Tests;

/// <summary>The checks themselves catch a wrong arrow: run on the deliberately wrong types in <c>Planted/</c>.</summary>
public sealed class ArrowCheckTests
{
    private const string Planted = "ModScope.Architecture.Tests.Planted";
    private static readonly Assembly Tests = typeof(ArrowCheckTests).Assembly;

    [Fact]
    public void A_port_that_names_its_implementation_and_a_pure_folder_that_calls_the_monitor_are_both_caught()
    {
        var problems = Arrows.LayerViolations(Tests, Planted, ["Query", "Engines", "Explain", "Monitor", "Reports"]);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Query may not use", StringComparison.Ordinal) && p.Contains($"{Planted}.Query.Port", StringComparison.Ordinal));
        // The Explain → Monitor edge is only in a method body; the check reads the IL.
        Assert.Contains(problems, p => p.StartsWith("Explain may not use", StringComparison.Ordinal) && p.Contains($"{Planted}.Explain.Search", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_missing_from_the_layers_is_named()
    {
        Assert.Equal(["Monitor", "Reports"], Arrows.Unplaced(Tests, Planted, ["Query", "Engines", "Explain"]));
    }

    [Fact]
    public void A_forbidden_type_is_caught_where_it_is_used()
    {
        var problems = Arrows.Forbidden(Tests, $"{Planted}.Reports", "reports never write", $"{Planted}.Monitor.Runner");

        Assert.StartsWith($"reports never write: {Planted}.Reports.Writer", Assert.Single(problems), StringComparison.Ordinal);
    }
}
