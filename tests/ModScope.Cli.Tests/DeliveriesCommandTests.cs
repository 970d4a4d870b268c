using System.Net;
using System.Net.Sockets;
using ModScope.Service.Outbox;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary><c>modscope deliveries</c> lists the outbox with status, attempts and error; <c>modscope test-send</c> says whether a channel sends.</summary>
public sealed class DeliveriesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-deliveries-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Lists_deliveries_with_their_status_attempts_and_last_error()
    {
        var path = Path.Combine(_dir, "store.duckdb");
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        using (var store = ModScopeStore.Open(path))
        {
            var outbox = new OutboxStore(store);
            outbox.Enqueue(new OutboxEntry("a", "weekly", "mail", ["x@example.com"], new Message("Weekly review", "t", "{}"), []), at);
            outbox.Enqueue(new OutboxEntry("b", "digest", "hook", [], new Message("3 new alerts", "t", "{}"), []), at);
            outbox.Record(1, 1, null, null, at.AddMinutes(1));
            outbox.Record(2, 6, "HttpRequestException: Connection refused", null, at.AddMinutes(2));
        }

        var (exit, output, error) = await CliRunner.Run("deliveries", "--store", path);
        var (failedExit, failed, _) = await CliRunner.Run("deliveries", "--store", path, "--status", "failed");
        var (badExit, _, badError) = await CliRunner.Run("deliveries", "--store", path, "--status", "lost");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("2 deliver(ies), newest first.", output, StringComparison.Ordinal);
        Assert.Contains("Weekly review", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, failedExit);
        Assert.Contains("Connection refused", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("Weekly review", failed, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, badExit);
        Assert.Contains("--status", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_send_reports_a_channel_that_does_not_answer_and_suggests_a_near_name()
    {
        // A port nothing listens on: bound, then released.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var config = Path.Combine(_dir, "modscope.yaml");
        await File.WriteAllTextAsync(config, $"""
            channels:
              ops-hook: {"{"}type: webhook, url: "http://127.0.0.1:{port}/hook"{"}"}
            """);

        var (exit, _, error) = await CliRunner.Run("test-send", "ops-hook", "--config", config);
        var (unknownExit, _, unknownError) = await CliRunner.Run("test-send", "ops-hok", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("'ops-hook' did not send", error, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, unknownExit);
        Assert.Contains("did you mean 'ops-hook'", unknownError, StringComparison.Ordinal);
    }
}
