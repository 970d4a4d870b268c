using System.CommandLine;
using System.Globalization;
using ModScope.Auditing;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope audit [--store] [--since DAY] [--user NAME] [--action KIND] [--limit N]</c>: the dashboard's audit log, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var since = new Option<string?>("--since") { Description = "Only rows from this UTC day (yyyy-MM-dd)." };
        var user = new Option<string?>("--user") { Description = "Only this user's rows." };
        var action = new Option<string?>("--action") { Description = "Only this kind: view, export, change, sign-in, sign-out, configure." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (newest first).", DefaultValueFactory = _ => 100 };
        var command = new Command("audit", "Read the audit log the dashboard keeps: who viewed, exported or changed what, when (UTC), with the request and its status.")
        {
            store, since, user, action, limit,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            DateTime? from = null;
            if (parsed.GetValue(since) is { Length: > 0 } day)
            {
                from = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d.ToDateTime(TimeOnly.MinValue)
                    : throw new Common.ModScopeException($"--since: '{day}' is not a day; write yyyy-MM-dd.");
            }
            using var opened = CommonOptions.OpenExistingStore(parsed.GetValue(store)!);
            var rows = new AuditLog(opened).Read(from, parsed.GetValue(user), parsed.GetValue(action), parsed.GetValue(limit));
            var table = new Table().AddColumns("at (UTC)", "user", "role", "action", "method", "request", "status");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), Markup.Escape(r.User), r.Role, r.Action,
                    r.Method, Markup.Escape(r.Request), r.Status.ToString(CultureInfo.InvariantCulture));
            }
            context.Out.Write(table);
            context.Out.MarkupLine(rows.Count == 0 ? "No audit rows match." : $"{rows.Count} row(s), newest first.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
