using Spectre.Console;

namespace ModScope.Cli.Tests;

/// <summary>A table written to a file or pipe is laid out to COLUMNS, else 200 columns, not Spectre's 80.</summary>
public sealed class ConsoleWidthTests
{
    private static IAnsiConsole Console(StringWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    });

    [Theory]
    [InlineData("132", 132)]
    [InlineData(null, 200)]
    [InlineData("", 200)]
    [InlineData("wide", 200)]
    [InlineData("0", 200)]
    [InlineData("-5", 200)]
    public void A_redirected_output_takes_COLUMNS_when_it_is_a_positive_number_else_200(string? columns, int expected)
    {
        var console = ConsoleWidth.Fit(Console(new StringWriter()), outputRedirected: true, columns);
        Assert.Equal(expected, console.Profile.Width);
    }

    [Fact]
    public void A_terminal_keeps_the_width_Spectre_detected()
    {
        var console = Console(new StringWriter());
        var detected = console.Profile.Width;
        Assert.Equal(detected, ConsoleWidth.Fit(console, outputRedirected: false, "132").Profile.Width);
    }

    [Fact]
    public void A_table_wider_than_80_columns_keeps_each_row_on_one_line_when_redirected()
    {
        var output = new StringWriter();
        var console = ConsoleWidth.Fit(Console(output), outputRedirected: true, columns: null);
        var table = new Table();
        var cells = Enumerable.Range(1, 12).Select(i => $"column_{i:00}").ToArray(); // 12 × (9 + 3) = 144 columns with borders
        foreach (var cell in cells)
        {
            table.AddColumn(cell);
        }
        table.AddRow(cells);
        console.Write(table);

        // Top border, header, separator, the row, bottom border: five lines, the header and the row whole.
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(cells, c => Assert.Contains(c, lines[1], StringComparison.Ordinal));
    }
}
