namespace ModScope.Cli.Tests;

/// <summary>The repository's root, found by walking up to ModScope.slnx (tests read the README and reference/ from it).</summary>
internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(System.IO.Path.Combine(dir.FullName, "ModScope.slnx")))
            {
                dir = dir.Parent ?? throw new InvalidOperationException("ModScope.slnx not found above " + AppContext.BaseDirectory);
            }
            return dir.FullName;
        }
    }
}
