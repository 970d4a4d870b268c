using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>
/// Reads the users list: one user a line (or separated by <c>;</c> in an environment variable), <c>#</c> starts a
/// comment, each <c>name:role:hash</c> or <c>name:role:hash:scope</c>. Role is viewer, analyst or admin; the hash is
/// <see cref="PasswordHash"/>'s; the scope <see cref="AccessScope.Parse"/>'s text (<c>region=SEA&amp;vendor=Alpha Services</c>),
/// none for the whole store. Every bad line is reported together, by number.
/// </summary>
internal static class UsersList
{
    public static IReadOnlyList<UserEntry> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var users = new List<UserEntry>();
        var errors = new List<string>();
        var lines = text.Split([';', '\n']);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(':', 4);
            var where = $"{source} entry {i + 1} ('{parts[0]}')";
            if (parts.Length < 3 || parts[0].Length == 0 || !Enum.TryParse<Role>(parts[1], ignoreCase: true, out var role) || role == Role.Anonymous || int.TryParse(parts[1], out _))
            {
                errors.Add($"{where}: must be name:role:hash[:scope] with role viewer, analyst or admin.");
                continue;
            }
            if (!PasswordHash.IsWellFormed(parts[2], out _))
            {
                errors.Add($"{where}: the hash is not pbkdf2$ITERATIONS$SALT$HASH; make one with 'modscope serve --hash-password'.");
                continue;
            }
            AccessScope scope;
            try
            {
                scope = AccessScope.Parse(parts.Length == 4 ? parts[3] : null);
            }
            catch (FormatException ex)
            {
                errors.Add($"{where}: scope: {ex.Message}");
                continue;
            }
            if (users.Any(u => u.Name == parts[0]))
            {
                errors.Add($"{where}: the name is listed twice.");
                continue;
            }
            users.Add(new UserEntry(parts[0], role, parts[2], scope));
        }
        return errors.Count == 0 ? users : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }
}
