namespace ModScope.Web;

/// <summary>What a server that started listening tells its host, for the start summary <c>serve</c> prints.</summary>
/// <param name="Store">The store it serves (with ClickHouse: the one holding alerts and deliveries).</param>
/// <param name="Urls">Where it listens.</param>
/// <param name="Users">How many users may sign in; 0 for the single-user dashboard.</param>
public sealed record ServerStarted(string Store, IReadOnlyList<string> Urls, int Users);
