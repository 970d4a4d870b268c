namespace ModScope.Web.Forwarding;

/// <summary>
/// Where a running <c>modscope serve</c> answers for its store, written next to it (<see cref="ServerInfoFile"/>): the
/// loopback URL, the process (its id and start time, so a reused id is not taken for the server), and this start's
/// secret, which a forwarded command must present.
/// </summary>
/// <param name="Url">The server's base URL, loopback (a server listening on all addresses is reached on 127.0.0.1).</param>
/// <param name="Pid">The server's process id.</param>
/// <param name="Started">The server process's start time (UTC).</param>
/// <param name="Secret">A random secret made at this start; only the file's owner can read it.</param>
public sealed record ServerInfo(string Url, int Pid, DateTime Started, string Secret);
