using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ModScope.Monitor.Alerts;
using ModScope.Store;

namespace ModScope.Web.Tests;

/// <summary>
/// One store, many users: while the dashboard runs in its own process, this process opens the same file read-only
/// (as the CLI's read commands and Python's <c>duckdb.connect(path, read_only=True)</c> do), and the server's writes
/// (an alert acknowledged, a comment) reach the file, waiting out a reader that holds it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SharedStoreServerTests(DashboardStore store)
{
    private const string Token = "shared-store-analyst";

    [Fact]
    public async Task Another_process_reads_the_served_store_and_sees_the_server_s_writes()
    {
        await using var server = await ServerProcess.StartAsync(store.StorePath, $"--ModScope:AnalystToken={Token}");
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/alerts");

        long id;
        using (var reader = ModScopeStore.OpenReadOnly(server.StorePath, TimeSpan.FromSeconds(30)))
        {
            var alerts = new AlertStore(reader).List();
            Assert.Equal(listed.GetArrayLength(), alerts.Count);
            id = alerts.First(a => a.Status == AlertStatus.New).Id;
        }

        // A reader holding the file makes the server's write wait (it reopens read-write only when no one reads).
        var holder = ModScopeStore.OpenReadOnly(server.StorePath, TimeSpan.FromSeconds(30));
        var ack = client.PostAsJsonAsync($"/api/alerts/{id}/status", new { status = "acknowledged" });
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(ack.IsCompleted);
        holder.Dispose();
        using (var acked = await ack.WaitAsync(TimeSpan.FromSeconds(60)))
        {
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        }
        using (var commented = await client.PostAsJsonAsync($"/api/alerts/{id}/comments", new { text = "Checking site calibration." }))
        {
            Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        }
        var thread = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}/comments");

        using var after = ModScopeStore.OpenReadOnly(server.StorePath, TimeSpan.FromSeconds(30));
        Assert.Equal(AlertStatus.Acknowledged, new AlertStore(after).Get(id).Status);
        var comment = Assert.Single(new AlertComments(after).List(id));
        Assert.Equal(("analyst", "Checking site calibration."), (comment.Author, comment.Body));
        Assert.Equal(comment.Body, thread[0].GetProperty("body").GetString());
    }
}
