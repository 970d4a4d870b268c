using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>One line of the users file: <c>name:role:hash</c>, optionally <c>:scope</c> (see <see cref="UsersList"/>).</summary>
internal sealed record UserEntry(string Name, Role Role, string Hash, AccessScope Scope);
