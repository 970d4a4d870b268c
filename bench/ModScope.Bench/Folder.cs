namespace ModScope.Bench;

/// <summary>Sizes the benches print: a folder's or file's megabytes and the free space of its disk.</summary>
internal static class Folder
{
    public static double Megabytes(string path) =>
        (Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : File.Exists(path) ? new FileInfo(path).Length : 0) / 1048576.0;

    public static double FreeGigabytes(string path) => new DriveInfo(Path.GetFullPath(path)).AvailableFreeSpace / 1073741824.0;
}
