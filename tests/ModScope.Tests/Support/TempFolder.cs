namespace ModScope.Tests.Support;

/// <summary>
/// A scratch folder of its own under the temp directory, made at once and deleted with all it holds on dispose. A file
/// still open (a DuckDB file a server or store still maps) leaves the folder behind for the OS to clean, rather than
/// failing the test that ends. Linked into the other test projects.
/// </summary>
public sealed class TempFolder(string prefix = "modscope-tests-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open or mapped; the OS cleans the temp folder.
        }
    }
}
