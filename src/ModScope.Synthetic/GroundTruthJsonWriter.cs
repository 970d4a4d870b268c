using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModScope.Synthetic;

/// <summary>
/// Writes the ground truth files, <c>incidents.json</c> and <c>opportunities.json</c>: camelCase JSON arrays, dates as
/// yyyy-MM-dd, '\n' line ends, readable (non-HTML) escaping.
/// </summary>
internal static class GroundTruthJsonWriter
{
    public const string IncidentsFile = "incidents.json";

    public const string OpportunitiesFile = "opportunities.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync<T>(string path, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, items, Options, cancellationToken).ConfigureAwait(false);
            stream.WriteByte((byte)'\n');
        }
    }
}
