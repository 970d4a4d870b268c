using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using ModScope.Monitor.Alerts;
using ModScope.Store;
using ModScope.Tests.Support;

namespace ModScope.Cli.Tests;

/// <summary>
/// Issue 20's day on loopback, with real parts: a real <c>serve</c> process with <c>modscope.yaml</c> (a landing folder
/// monitored after each load, an SMTP channel to a sink in this process, a signed webhook channel to a Kestrel receiver
/// in this process, the zh-Hans SEA regional report and an alert digest after each monitor run). A day of generated
/// decisions dropped into the folder is loaded and monitored; the report goes out; the webhook holds the digest until
/// the test kills the server mid-delivery; a restarted server sends the digest again under the same key and nothing
/// else. Counted by idempotency key: every delivery in the outbox arrived answered exactly once. The server's start
/// summary is checked on the way.
/// </summary>
public sealed class ServiceDayTests(ServedStoreFixture fixture) : IClassFixture<ServedStoreFixture>
{
    private const string SecretVariable = "MODSCOPE_DAY_TEST_HOOK_SECRET";
    private const string Secret = "day-test-s3cret";

    /// <summary>The last full week before 7 Sep 2026 (the day after the landed day, a Sunday), by hand.</summary>
    private const string ReportKey = "sea review|report|2026-08-31..2026-09-06";

    [Fact]
    public async Task A_landed_day_is_loaded_monitored_and_delivered_once_though_the_server_dies_mid_delivery()
    {
        using var smtp = new SmtpSink();
        await using var hook = await WebhookReceiver.StartAsync();
        hook.Hold = true;
        await File.WriteAllTextAsync(Path.Combine(fixture.Folder, "modscope.yaml"), Config(smtp.Port, hook.Url));
        // An alert on the landed day, which the monitor judges no earlier day can resolve, for the digest (two generated
        // weeks raise none of their own, and the monitor resolves the fixture's older one).
        using (var store = ModScopeStore.Open(fixture.Store))
        {
            var day = new DateOnly(2026, 9, 6);
            new AlertStore(store).Raise(new AlertFinding(AlertKind.Metric, "qa_accuracy", "region=SEA", day, day, AlertSeverity.Critical, -1, 4.2, "level", "seeded"));
        }
        var decisions = Scalar("SELECT count(*) FROM decisions");
        var runs = Scalar("SELECT count(*) FROM monitor_runs");
        var environment = new Dictionary<string, string> { [SecretVariable] = Secret };

        await using (var server = await ServedProcess.StartAsync(fixture.Store, environment: environment))
        {
            var landing = Path.Combine(fixture.Folder, "landing");
            Directory.CreateDirectory(landing);
            File.Copy(fixture.LastDay, Path.Combine(landing, Path.GetFileName(fixture.LastDay)));
            // The report is written first (the file's order), so it is sent before the digest reaches the held webhook.
            await WaitForAsync(() => hook.Held.IsCompleted, server);
            await server.KillAsync();
            // Its start summary names the channels by kind and host, never a secret or the webhook's path.
            var printed = Regex.Replace(string.Join(' ', server.Output), @"\s+", " ");
            Assert.Contains($"Store: {fixture.Store} Dashboard: {server.Url} (Ctrl+C to stop) Users: none, a single-user dashboard", printed, StringComparison.Ordinal);
            Assert.Contains($"Channel 'mail': smtp via 127.0.0.1:{smtp.Port}, tls none, no sign-in. Channel 'hook': webhook to 127.0.0.1, plain body, signed. " +
                "Subscriptions: 2; owners: 0", printed, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
            Assert.DoesNotContain("Channel 'hook': webhook to 127.0.0.1/hook", printed, StringComparison.Ordinal);
        }
        Assert.Single(smtp.Messages);
        Assert.Equal([(ReportKey, "sent", 1L)], Outbox().Where(r => r.Key == ReportKey));
        var digestKey = Assert.Single(hook.Requests).Key;
        Assert.Equal([(digestKey, "pending", 0L)], Outbox().Where(r => r.Key == digestKey));

        hook.Hold = false;
        await using (var restarted = await ServedProcess.StartAsync(fixture.Store, environment: environment))
        {
            await WaitForAsync(() => Scalar("SELECT count(*) FROM outbox WHERE status <> 'sent'") == 0, restarted);
            await restarted.KillAsync();
        }

        // The store has the day's rows, and the monitor ran once (the restart had nothing new to load).
        var lines = File.ReadLines(Path.Combine(fixture.Folder, "landing", "loaded", Path.GetFileName(fixture.LastDay))).Count() - 1;
        var quarantined = Scalar("SELECT count(*) FROM quarantine q JOIN files f USING (file_id) WHERE f.name = 'decisions-2026-09-06.csv'");
        Assert.True(lines > 0);
        Assert.Equal(decisions + lines - quarantined, Scalar("SELECT count(*) FROM decisions"));
        Assert.Equal((runs + 1, "ok"), (Scalar("SELECT count(*) FROM monitor_runs"), Text("SELECT status FROM monitor_runs ORDER BY run_id DESC LIMIT 1")));

        // Nothing twice, nothing lost: each key of the outbox answered once, by the channel it names.
        var outbox = Outbox();
        Assert.Equal([(digestKey, "sent", 1L), (ReportKey, "sent", 1L)], outbox.OrderBy(r => r.Key, StringComparer.Ordinal));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(ReportKey, mail.Headers["X-ModScope-Delivery"]);
        Assert.Equal([digestKey, digestKey], hook.Requests.Select(r => r.Key));
        var answered = Assert.Single(hook.Requests, r => r.Answered);

        // The digest is signed as documented, checked here with HMAC-SHA256 of "t.body" under the secret.
        var signature = answered.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(signature["t"] + "." + answered.Body)));
        Assert.Equal(expected, signature["v1"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(signature["t"], CultureInfo.InvariantCulture), 0, 600);
        using var body = JsonDocument.Parse(answered.Body);
        Assert.Equal(digestKey, body.RootElement.GetProperty("key").GetString());
        var newAlerts = Rows("SELECT alert_id FROM alerts WHERE kind = 'metric' AND status = 'new' ORDER BY alert_id");
        Assert.NotEmpty(newAlerts);
        Assert.Equal(newAlerts.Order(StringComparer.Ordinal), body.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));

        // The SEA regional report in zh-Hans, attached.
        Assert.Equal("sea-lead@example.com", mail.To.Mailboxes.Single().Address);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        using var bytes = new MemoryStream();
        await Assert.IsType<MimeContent>(attachment.Content).DecodeToAsync(bytes);
        var html = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.EndsWith(".html", attachment.FileName, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        // The SEA region by its reference name (reference/regions.csv: SEA, 东南亚).
        Assert.Contains("区域经营分析：东南亚", html, StringComparison.Ordinal);
    }

    private static string Config(int smtpPort, string hookUrl) => $$"""
        watch: {folder: landing, ready: stable_size, stable_seconds: 1, monitor_days: 3}
        channels:
          mail: {type: smtp, host: 127.0.0.1, port: {{smtpPort}}, from: modscope@example.com, tls: none}
          hook: {type: webhook, url: "{{hookUrl}}", secret_env: {{SecretVariable}}, shape: plain}
        subscriptions:
          - name: sea review
            channel: mail
            to: [sea-lead@example.com]
            language: zh-Hans
            report: {audience: regional, region: SEA, format: html, period: last-week}
            when: after_monitor
          - {name: quality alerts, channel: hook, alerts: {}, when: after_monitor}
        """;

    private List<(string Key, string Status, long Attempts)> Outbox()
    {
        using var store = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(120));
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key, status, attempts FROM outbox ORDER BY delivery_id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>Polls <paramref name="condition"/> with a deadline; on failure says what the server printed.</summary>
    private static async Task WaitForAsync(Func<bool> condition, ServedProcess server)
    {
        var wait = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(120), "the service did not get there in 120 s; it printed:\n" + string.Join('\n', server.Output.TakeLast(80)));
            await Task.Delay(250);
        }
    }

    private long Scalar(string sql) => Convert.ToInt64(Text(sql), CultureInfo.InvariantCulture);

    private string? Text(string sql) => Rows(sql).SingleOrDefault();

    private List<string> Rows(string sql)
    {
        using var store = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(120));
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return rows;
    }
}
