using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModScope.Synthetic;

/// <summary>Writes <c>incidents.json</c>: a camelCase JSON array of <see cref="Incident"/>, dates as yyyy-MM-dd, '\n' line ends, readable (non-HTML) escaping.</summary>
internal static class IncidentsJsonWriter
{
    public const string FileName = "incidents.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(string path, IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, incidents, Options, cancellationToken).ConfigureAwait(false);
            stream.WriteByte((byte)'\n');
        }
    }
}
