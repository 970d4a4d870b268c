using System.Globalization;
using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>Names, writes and tallies the table-day files (<c>{table}-{yyyy-MM-dd}[suffix].{ext}</c>).</summary>
internal sealed class DayFileWriter(string directory, ITableWriter writer)
{
    private readonly List<string> _files = [];
    private readonly Dictionary<string, long> _rows = EventSchema.All.ToDictionary(t => t.Name, _ => 0L, StringComparer.Ordinal);

    public IReadOnlyList<string> Files => _files;

    public IReadOnlyDictionary<string, long> RowsPerTable => _rows;

    public string Extension => writer.Extension;

    public async Task WriteAsync(TableBatch batch, DateOnly date, CancellationToken cancellationToken, string suffix = "")
    {
        var name = $"{batch.Schema.Name}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{suffix}.{writer.Extension}";
        var path = Path.Combine(directory, name);
        await writer.WriteAsync(path, batch, cancellationToken).ConfigureAwait(false);
        _files.Add(path);
        _rows[batch.Schema.Name] += batch.RowCount;
    }

    public void AddFile(string path) => _files.Add(path);
}
