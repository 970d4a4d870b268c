using System.Net.Http.Headers;
using System.Text;

namespace ModScope.Web.Tests;

/// <summary>Basic auth of a team user of <see cref="DashboardStore"/> (the part of <see cref="TeamRequests"/> that knows the test store).</summary>
internal static partial class TeamRequests
{
    public static AuthenticationHeaderValue Basic(string user, string password = DashboardStore.TeamPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
