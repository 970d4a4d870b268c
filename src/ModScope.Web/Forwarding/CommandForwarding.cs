using System.Security.Cryptography;
using System.Text;

namespace ModScope.Web.Forwarding;

/// <summary>The server's side of forwarded commands: who runs them, and this start's secret that callers must present.</summary>
internal sealed class CommandForwarding(ICommandRunner runner)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(ServerInfoFile.NewSecret());

    public ICommandRunner Runner { get; } = runner;

    public string Secret => Encoding.UTF8.GetString(_secret);

    /// <summary>True when <paramref name="presented"/> is this start's secret (compared in constant time).</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);
}
