using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ModScope.Cli.Views;

/// <summary>CSV the commands write: RFC 4180 quoting by CsvHelper, invariant culture, this platform's line ends.</summary>
internal static class CsvOutput
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = Environment.NewLine };

    /// <summary>A writer over <paramref name="writer"/>, which stays open when the CSV writer is disposed.</summary>
    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration, leaveOpen: true);
}
