using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ModScope.Store;
using ModScope.Web;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>modscope serve</c> with no users configured stays a single-user tool on loopback: it says so when it starts, and
/// it listens on loopback only (its default address too), so this machine's other addresses refuse the port.
/// </summary>
public sealed class SingleUserServeTests
{
    [Fact]
    public async Task Without_users_serve_says_it_is_a_single_user_tool_for_loopback_and_listens_on_loopback_only()
    {
        var folder = Directory.CreateTempSubdirectory("modscope-single-user-").FullName;
        try
        {
            var store = Path.Combine(folder, "s.duckdb");
            ModScopeStore.Open(store).Dispose();
            await using var server = await ServedProcess.StartAsync(store);
            var port = new Uri(server.Url).Port;
            var wait = Stopwatch.StartNew();
            while (!server.Output.Any(l => l.Contains("No users configured", StringComparison.Ordinal)) && wait.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
            var output = string.Join('\n', server.Output);
            using var http = new HttpClient();
            using var answer = await http.GetAsync(new Uri(server.Url + "/api/catalog"));
            var others = NetworkInterface.GetAllNetworkInterfaces().Where(i => i.OperationalStatus == OperationalStatus.Up)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
                .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal).ToList();

            Assert.Contains("No users configured: a single-user dashboard", output, StringComparison.Ordinal);
            Assert.Contains("keep it on loopback", output, StringComparison.Ordinal);
            Assert.Contains($"Dashboard: {server.Url}", output, StringComparison.Ordinal);
            Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode} on loopback");
            Assert.NotEmpty(others); // a machine with an address beyond loopback, or the check below shows nothing
            foreach (var address in others)
            {
                using var client = new TcpClient(address.AddressFamily);
                var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, port));
                Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
            }
            // Without --urls serve listens on the default address, which is loopback (not started here: its fixed port is shared).
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(DashboardOptions.DefaultUrl).Host)), DashboardOptions.DefaultUrl);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
