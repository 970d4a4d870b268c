using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ModScope.Monitor.Alerts;
using ModScope.Store;
using ModScope.Web.Forwarding;

namespace ModScope.Cli.Tests;

/// <summary>
/// One store, many users, for writes: while a real <c>modscope serve</c> (its own process) holds the store, the CLI's
/// ingest, monitor and alert commands in this process find it from <c>STORE.server.json</c> and go through it; this
/// process reads the store read-only meanwhile (as Python's <c>duckdb.connect(read_only=True)</c> would; Python's duckdb
/// is not installed on the test machine). A killed server's info file is ignored.
/// </summary>
public sealed class ForwardedCommandTests(ServedStoreFixture fixture) : IClassFixture<ServedStoreFixture>
{
    [Fact]
    public async Task Ingest_monitor_and_alert_commands_go_through_the_running_server_while_this_process_reads()
    {
        var before = Scalar("SELECT count(*) FROM decisions");
        var runs = Scalar("SELECT count(*) FROM monitor_runs");
        // Opened to a team (sign-in required for people): the CLI's forwarded commands prove themselves with the secret instead.
        var users = Path.Combine(Path.GetDirectoryName(fixture.Store)!, "users.txt");
        await File.WriteAllTextAsync(users, $"lead:viewer:{ModScope.Web.Access.PasswordHash.Create("not used here")}\n");
        await using var server = await ServedProcess.StartAsync(fixture.Store, users);
        // A relative path is the caller's: the server has its own working folder.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fixture.LastDay);

        var (ingested, ingestOutput, ingestError) = await CliRunner.Run("ingest", relative, "--store", fixture.Store);

        Assert.True(ingested == ExitCodes.Ok, ingestError);
        Assert.Contains("decisions", ingestOutput, StringComparison.Ordinal);
        // The file's rows are loaded (data lines less the ones quarantined), read here while the server holds the store.
        var lines = File.ReadLines(fixture.LastDay).Count() - 1;
        var quarantined = Scalar("SELECT count(*) FROM quarantine q JOIN files f USING (file_id) WHERE f.name = 'decisions-2026-09-06.csv'");
        Assert.Equal(before + lines - quarantined, Scalar("SELECT count(*) FROM decisions"));

        long id;
        using (var reader = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(30)))
        {
            id = new AlertStore(reader).List(AlertStatus.New)[0].Id;
        }
        var (acked, ackOutput, ackError) = await CliRunner.Run("alerts", "ack", id.ToString(CultureInfo.InvariantCulture), "--store", fixture.Store);
        var (missing, _, missingError) = await CliRunner.Run("alerts", "ack", "999999", "--store", fixture.Store);

        Assert.True(acked == ExitCodes.Ok, ackError);
        Assert.Equal($"Alert {id} is now acknowledged.", ackOutput.Trim());
        using (var reader = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(AlertStatus.Acknowledged, new AlertStore(reader).Get(id).Status);
        }
        // Bad input answers as it would without a server: one line, exit 1.
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Equal("modscope: alert 999999 not found; 'modscope alerts' lists them.", missingError.Trim());

        var (monitored, monitorOutput, monitorError) = await CliRunner.Run("monitor", "--store", fixture.Store, "--backfill", "7d");

        Assert.True(monitored == ExitCodes.Ok, monitorError);
        Assert.Equal(runs + 1, Scalar("SELECT count(*) FROM monitor_runs"));
        Assert.StartsWith($"Monitor run {runs + 1} (ok)", monitorOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_can_read_the_secret_a_forwarded_command_needs_and_a_killed_server_s_file_is_ignored()
    {
        await using var server = await ServedProcess.StartAsync(fixture.Store);
        var infoPath = ServerInfoFile.PathFor(fixture.Store);
        var info = ServerInfoFile.Find(fixture.Store)!;

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(infoPath));
        }
        Assert.Equal((server.Url, server.Id), (info.Url, info.Pid));
        using (var client = new HttpClient { BaseAddress = new Uri(server.Url) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ForwardedCommand.Route)
            {
                Content = JsonContent.Create(new ForwardedCommand(["alerts", "resolve", "1"])),
            };
            request.Headers.Add(ForwardedCommand.SecretHeader, info.Secret[..^1] + (info.Secret[^1] == '0' ? '1' : '0'));
            using var refused = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await server.KillAsync();
        Assert.True(File.Exists(infoPath));
        Assert.Null(ServerInfoFile.Find(fixture.Store));
        // With the server gone the command runs here, on the file itself.
        var (exit, _, error) = await CliRunner.Run("alerts", "ack", "999999", "--store", fixture.Store);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("modscope: alert 999999 not found; 'modscope alerts' lists them.", error.Trim());
    }

    private long Scalar(string sql)
    {
        using var store = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(30));
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
