namespace ModScope.Web.Hardening;

/// <summary>An answer over <see cref="DashboardLimits.MaxResultCells"/>; answered with a 400 telling the user how to narrow it.</summary>
internal sealed class ResultTooLargeException(string message) : Exception(message);
