using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModScope.Web.Access;

namespace ModScope.Web.Tests.Access;

/// <summary>Secrets from files (never arguments), users with older hashes flagged at start, and hashes checked at load.</summary>
public sealed class AccessPolicyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-access-").FullName;

    [Fact]
    public void The_analyst_token_and_the_users_are_read_from_files()
    {
        var token = Write("token", "file-token-42\n");
        var users = Write("users", $"# who may sign in\nkim:analyst:{PasswordHash.Create("kim-pass")}\n\nlee:viewer:{PasswordHash.Create("lee-pass")}\n");

        var policy = Policy(new() { ["ModScope:AnalystTokenFile"] = token, ["ModScope:UsersFile"] = users }, new ListLogger());

        Assert.Equal(Role.Analyst, RoleOf(policy, "Bearer file-token-42"));
        Assert.Equal(Role.Anonymous, RoleOf(policy, "Bearer file-token-4"));
        Assert.Equal(Role.Analyst, RoleOf(policy, Basic("kim", "kim-pass")));
        Assert.Equal(Role.Viewer, RoleOf(policy, Basic("lee", "lee-pass")));
        Assert.Equal(Role.Anonymous, RoleOf(policy, Basic("lee", "kim-pass")));
        Assert.False(policy.ReadOnly);
    }

    [Fact]
    public void A_user_whose_hash_has_fewer_iterations_signs_in_and_is_flagged_for_rehash_at_start()
    {
        // PBKDF2-HMAC-SHA256("password", "salt", 4096 iterations), a published test vector.
        var old = $"pbkdf2$4096${Convert.ToBase64String("salt"u8.ToArray())}${Convert.ToBase64String(Convert.FromHexString("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"))}";
        var logger = new ListLogger();

        var policy = Policy(new() { ["ModScope:Users"] = $"old:analyst:{old};new:viewer:{PasswordHash.Create("x")}" }, logger);

        Assert.Equal(["old"], policy.UsersToRehash);
        Assert.Equal(Role.Analyst, RoleOf(policy, Basic("old", "password")));
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("'old'", warning, StringComparison.Ordinal);
        Assert.Contains("4,096", warning, StringComparison.Ordinal);
        Assert.Contains("--hash-password", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_whose_hash_is_malformed_is_refused_at_start_naming_the_user()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policy(new() { ["ModScope:Users"] = "kim:analyst:plaintext-password" }, new ListLogger()));

        Assert.Contains("'kim'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--hash-password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plaintext-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_missing_secret_file_is_refused_naming_the_setting_and_the_file()
    {
        var empty = Write("empty", "\n");
        var missing = Path.Combine(_folder, "missing");

        var emptyError = Assert.Throws<InvalidOperationException>(() => Policy(new() { ["ModScope:AnalystTokenFile"] = empty }, new ListLogger()));
        var missingError = Assert.Throws<InvalidOperationException>(() => Policy(new() { ["ModScope:UsersFile"] = missing }, new ListLogger()));

        Assert.Contains("ModScope:AnalystTokenFile", emptyError.Message, StringComparison.Ordinal);
        Assert.Contains(empty, emptyError.Message, StringComparison.Ordinal);
        Assert.Contains("ModScope:UsersFile", missingError.Message, StringComparison.Ordinal);
        Assert.Contains(missing, missingError.Message, StringComparison.Ordinal);
    }

    private static AccessPolicy Policy(Dictionary<string, string?> settings, ListLogger logger) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), logger);

    private static Role RoleOf(AccessPolicy policy, string authorization) => policy.Authenticate(authorization)?.Role ?? Role.Anonymous;

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class ListLogger : ILogger<AccessPolicy>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
