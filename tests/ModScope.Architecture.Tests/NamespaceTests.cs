using System.Text.RegularExpressions;

namespace ModScope.Architecture.Tests;

/// <summary>A namespace is its folder: <c>src/ModScope/Monitor/Scan/X.cs</c> declares <c>ModScope.Monitor.Scan</c>.</summary>
public sealed partial class NamespaceTests
{
    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var wrong = new List<string>();
        foreach (var top in new[] { "src", "tests", "bench" })
        {
            foreach (var project in Directory.GetDirectories(RepoPaths.Combine(top)))
            {
                foreach (var file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
                {
                    var folders = Path.GetRelativePath(project, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar);
                    if (folders[0] is "bin" or "obj" || folders.Contains("Planted"))
                    {
                        continue; // build output; the deliberately wrong types of the arrow checks
                    }
                    var expected = string.Join('.', new[] { Path.GetFileName(project) }.Concat(folders.Where(f => f != ".")));
                    var declared = Namespace().Match(File.ReadAllText(file));
                    // A file without a namespace is a top-level program (Program.cs).
                    if (declared.Success && declared.Groups[1].Value != expected)
                    {
                        wrong.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: namespace {declared.Groups[1].Value}, expected {expected}");
                    }
                }
            }
        }
        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
