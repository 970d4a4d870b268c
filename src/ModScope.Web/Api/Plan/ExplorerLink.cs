namespace ModScope.Web.Api.Plan;

/// <summary>
/// The explorer view of a <c>modscope query</c> command as the planning library writes it (<c>--metric a,b --by x,y
/// --period FIRST..LAST [--grain day] [--filter k=v]…</c>): the same request, on the page.
/// </summary>
internal static class ExplorerLink
{
    /// <summary>The first of <paramref name="commands"/> that is a <c>modscope query</c>, as explorer parameters; null when none is.</summary>
    public static ExplorerView? First(IEnumerable<string> commands) =>
        commands.Select(From).FirstOrDefault(v => v is not null);

    public static ExplorerView? From(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string Prefix = "modscope query ";
        if (!command.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var words = command[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        List<string> metric = [], by = [], filter = [];
        string period = "", grain = "none";
        for (var i = 0; i + 1 < words.Length; i += 2)
        {
            var value = words[i + 1];
            switch (words[i])
            {
                case "--metric": metric.AddRange(value.Split(',')); break;
                case "--by": by.AddRange(value.Split(',')); break;
                case "--period": period = value; break;
                case "--grain": grain = value; break;
                case "--filter": filter.Add(value); break;
                default: return null;
            }
        }
        return metric.Count > 0 && period.Length > 0 ? new ExplorerView(metric, by, period, filter, grain) : null;
    }
}
