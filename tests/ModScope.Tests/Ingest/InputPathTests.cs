using System.Diagnostics;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// Paths are paths: every file is read by its own literal name, whatever characters it holds; only regular files
/// are read; links are followed only inside the input folder; a loop or a FIFO never hangs a load.
/// </summary>
public sealed class InputPathTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task<IngestResult> Ingest(params string[] paths) =>
        new Ingestor(_store.Store).IngestAsync(paths, new IngestOptions()).WaitAsync(Bound);

    private string Folder(string name)
    {
        var path = _store.File(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static TheoryData<string> OddNames() =>
    [
        "decisions-[12].csv", "decisions-*.csv", "decisions-?.csv", "decisions-{1,2}.csv", "decisions-it's \"quoted\".csv",
        "decisions- with spaces .csv", "decisions-日本語-ü.csv", "decisions-[!1]*?.csv.gz",
    ];

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task A_file_named_like_a_pattern_is_read_by_its_own_name(string name)
    {
        var folder = Folder("odd");
        // Decoys a pattern would match instead: decisions-1.csv and decisions-2.csv with other rows.
        WriteCsv(Path.Combine(folder, "decisions-1.csv"), Header, [Valid(1)]);
        WriteCsv(Path.Combine(folder, "decisions-2.csv"), Header, [Valid(2)]);
        var path = Path.Combine(folder, name);
        var rows = new[] { Valid(100), Valid(101), Valid(102) };
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest);
            gz.Write(System.Text.Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(rows.Select(r => r + "\n"))));
        }
        else
        {
            WriteCsv(path, Header, rows);
        }

        var result = await Ingest(path);

        Assert.Equal((3L, 3L, 0L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
        Assert.Equal(["D100", "D101", "D102"], _store.Rows("SELECT decision_id FROM decisions ORDER BY 1").Select(r => (string)r[0]!));
        Assert.Equal(name, (string)_store.Rows("SELECT name FROM files").Single()[0]!);

        // The whole folder: each file once, with its own rows.
        var all = await Ingest(folder);
        Assert.Equal(5, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(3, all.Files.Count);
    }

    [Fact]
    public async Task A_link_loop_in_a_folder_is_read_once_and_does_not_hang()
    {
        var folder = Folder("loops");
        WriteCsv(Path.Combine(folder, "decisions-a.csv"), Header, [Valid(1), Valid(2)]);
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "self"), ".");

        var result = await Ingest(folder);

        Assert.Equal(2, result.RowsLoaded);
        Assert.Single(result.Files);
    }

    [Fact]
    public async Task A_link_inside_the_folder_is_followed()
    {
        var folder = Folder("inside");
        var data = Folder(Path.Combine("inside", "data"));
        WriteCsv(Path.Combine(data, "real.csv"), Header, [Valid(1), Valid(2)]);
        File.CreateSymbolicLink(Path.Combine(folder, "decisions-linked.csv"), Path.Combine(data, "real.csv"));

        var result = await Ingest(folder);

        Assert.Equal(2, result.RowsLoaded);
        Assert.Equal("decisions-linked.csv", result.Files.Single().Name);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "outside", "links outside the input folder" },
        { "self-loop", "symbolic link loop" },
        { "dangling", "symbolic link to nothing" },
        { "device", "character device" },
        { "fifo", "FIFO" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_input_that_is_not_a_regular_file_inside_the_folder_is_refused_with_its_reason(string kind, string reason)
    {
        var folder = Folder("refuse");
        WriteCsv(Path.Combine(folder, "decisions-good.csv"), Header, [Valid(1)]);
        var odd = Path.Combine(folder, "decisions-odd.csv");
        switch (kind)
        {
            case "outside":
                var outside = Folder("elsewhere");
                File.CreateSymbolicLink(odd, WriteCsv(Path.Combine(outside, "decisions-x.csv"), Header, [Valid(9)]));
                break;
            case "self-loop":
                File.CreateSymbolicLink(odd, odd);
                break;
            case "dangling":
                File.CreateSymbolicLink(odd, Path.Combine(folder, "gone.csv"));
                break;
            case "device":
                File.CreateSymbolicLink(odd, "/dev/zero");
                break;
            default:
                using (var mkfifo = Process.Start("mkfifo", odd))
                {
                    await mkfifo.WaitForExitAsync();
                }
                break;
        }

        var error = await Assert.ThrowsAsync<IngestException>(() => Ingest(folder));

        Assert.Contains("decisions-odd.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM files"));
    }

    [Fact]
    public async Task A_device_named_explicitly_is_refused()
    {
        var link = _store.File("decisions-zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = await Assert.ThrowsAsync<IngestException>(() => Ingest(link));

        Assert.Contains("character device, not a regular file", error.Message, StringComparison.Ordinal);
    }
}
