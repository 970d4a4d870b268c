using System.CommandLine;
using System.Globalization;
using ModScope.Service.Outbox;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope deliveries [--store] [--status pending|sent|failed] [--limit N]</c>: the delivery log (the outbox), newest first.</summary>
internal static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var status = new Option<string?>("--status") { Description = "Only deliveries in this state: pending, sent or failed (given up)." };
        var limit = new Option<int>("--limit") { Description = "At most this many (newest first).", DefaultValueFactory = _ => 50 };
        var command = new Command("deliveries", "The delivery log: what serve's subscriptions sent or will send, with status, attempts and the last error.")
        {
            store, status, limit,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            OutboxStatus? only = parsed.GetValue(status) switch
            {
                null or "" => null,
                "pending" => OutboxStatus.Pending,
                "sent" => OutboxStatus.Sent,
                "failed" => OutboxStatus.Failed,
                var other => throw new UsageException($"--status must be pending, sent or failed, not '{other}'."),
            };
            using var opened = CommonOptions.OpenExistingStore(parsed.GetValue(store)!);
            var rows = new OutboxStore(opened).List(only, parsed.GetValue(limit));
            var table = new Table().AddColumns("id", "written (UTC)", "subscription", "channel", "subject", "status", "attempts", "sent / next try (UTC)", "last error");
            foreach (var r in rows)
            {
                var when = r.Status == OutboxStatus.Sent ? r.SentAt : r.Status == OutboxStatus.Pending ? r.NextAttemptAt : null;
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Time(r.CreatedAt), Markup.Escape(r.Subscription), Markup.Escape(r.Channel),
                    Markup.Escape(r.Message.Subject), r.Status.ToString().ToLowerInvariant(), r.Attempts.ToString(CultureInfo.InvariantCulture),
                    when is { } t ? Time(t) : "", Markup.Escape(r.LastError ?? ""));
            }
            context.Out.Write(table);
            context.Out.MarkupLine(rows.Count == 0 ? "No deliveries match." : $"{rows.Count} deliver(ies), newest first.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
