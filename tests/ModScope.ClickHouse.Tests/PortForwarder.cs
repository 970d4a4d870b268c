using System.Net;
using System.Net.Sockets;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A loopback port of its own that passes every connection through to <c>target</c>'s host and port, byte for byte: a
/// ClickHouse node reached at a port that is not its own (so the port offset the loader takes from it is wrong).
/// </summary>
internal sealed class PortForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public PortForwarder(Uri target)
    {
        _listener.Start();
        Url = new UriBuilder(target) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;
        _accepting = AcceptAsync(target);
    }

    /// <summary>The target's URL with this forwarder's port.</summary>
    public Uri Url { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync(Uri target)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                connections.Add(PassAsync(await _listener.AcceptTcpClientAsync(_stop.Token), target));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        await Task.WhenAll(connections);
    }

    private async Task PassAsync(TcpClient client, Uri target)
    {
        using (client)
        {
            using var server = new TcpClient();
            try
            {
                await server.ConnectAsync(target.Host, target.Port, _stop.Token);
                var (near, far) = (client.GetStream(), server.GetStream());
                // Either side closing ends the connection.
                await Task.WhenAny(near.CopyToAsync(far, _stop.Token), far.CopyToAsync(near, _stop.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The connection ended (or the forwarder stopped) mid-copy.
            }
        }
    }
}
