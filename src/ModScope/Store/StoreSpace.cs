using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// Gives back the disk space a failed write took. DuckDB writes a large load's blocks into the store file before it
/// commits; when the load fails (a full disk) they are no longer referenced, but the file keeps its length, so the
/// disk stays full and the next load fails too. With the store closed, this checkpoints it (folding in any WAL) and
/// cuts the file after its last block in use: the file header (three 4 KiB headers) plus
/// <c>total_blocks × block_size</c>, as <c>pragma_database_size</c> reports them.
/// </summary>
public static class StoreSpace
{
    private const long HeaderBytes = 3 * 4096;

    /// <summary>Frees the unused tail of the (closed) store file; returns the bytes freed.</summary>
    public static long Reclaim(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == ":memory:" || !File.Exists(path))
        {
            return 0;
        }
        foreach (var leftover in new[] { path + ".tmp" }.Where(Directory.Exists))
        {
            Directory.Delete(leftover, recursive: true);
        }
        long used;
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CHECKPOINT";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT block_size * total_blocks FROM pragma_database_size() WHERE database_name = current_database()";
            used = HeaderBytes + Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var length = new FileInfo(path).Length;
        if (length <= used)
        {
            return 0;
        }
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            file.SetLength(used);
        }
        return length - used;
    }
}
