using ModScope.Service;

namespace ModScope.Tests.Service;

/// <summary>The landing folder: a file loads only once complete, and leaves for loaded/ or rejected/.</summary>
public sealed class LandingFolderTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-landing-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_is_ready_once_its_size_has_held_for_the_stable_time_and_a_growing_file_starts_again()
    {
        var landing = new LandingFolder(new WatchSettings(_dir, FileReadiness.StableSize, TimeSpan.FromSeconds(10), true));
        var file = Path.Combine(_dir, "decisions-2026-12-06.csv");
        File.WriteAllText(file, "a");

        Assert.Empty(landing.Ready(T0));
        Assert.Empty(landing.Ready(T0.AddSeconds(9)));
        File.AppendAllText(file, "b");
        Assert.Empty(landing.Ready(T0.AddSeconds(10)));
        Assert.Empty(landing.Ready(T0.AddSeconds(19)));
        Assert.Equal([file], landing.Ready(T0.AddSeconds(20)));
    }

    [Fact]
    public void With_done_markers_only_marked_files_are_ready_and_the_marker_moves_with_its_file()
    {
        var landing = new LandingFolder(new WatchSettings(_dir, FileReadiness.DoneMarker, TimeSpan.FromSeconds(10), true));
        var marked = Path.Combine(_dir, "decisions-1.csv");
        var unmarked = Path.Combine(_dir, "decisions-2.csv");
        File.WriteAllText(marked, "x");
        File.WriteAllText(marked + ".done", "");
        File.WriteAllText(unmarked, "y");

        Assert.Equal([marked], landing.Ready(T0));
        var target = landing.Settle(marked, loaded: true);

        Assert.Equal(Path.Combine(_dir, "loaded", "decisions-1.csv"), target);
        Assert.True(File.Exists(target + ".done"));
        Assert.False(File.Exists(marked));
        Assert.Empty(landing.Ready(T0.AddMinutes(1)));
    }

    [Fact]
    public void A_rejected_file_keeps_the_reason_beside_it()
    {
        var landing = new LandingFolder(new WatchSettings(_dir, FileReadiness.StableSize, TimeSpan.FromSeconds(1), true));
        var file = Path.Combine(_dir, "mystery.csv");
        File.WriteAllText(file, "z");

        var target = landing.Settle(file, loaded: false, "modscope: cannot tell the table of 'mystery.csv'");

        Assert.Equal(Path.Combine(_dir, "rejected", "mystery.csv"), target);
        Assert.Equal("modscope: cannot tell the table of 'mystery.csv'", File.ReadAllText(target + ".error.txt"));
    }
}
