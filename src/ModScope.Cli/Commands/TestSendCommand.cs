using System.CommandLine;
using System.Globalization;
using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope test-send CHANNEL [--to ADDRESS...] [--config FILE | --store]</c>: sends one test message on a channel of
/// the service configuration now, outside the outbox, and says whether it went (exit 1 and the error when not).
/// </summary>
internal static class TestSendCommand
{
    public static Command Create(CliContext context)
    {
        var channel = new Argument<string>("CHANNEL") { Description = "A channel's name in the service configuration." };
        var to = new Option<string[]>("--to") { Description = "Addresses for an e-mail channel.", AllowMultipleArgumentsPerToken = true };
        var config = new Option<string?>("--config") { Description = $"Service configuration; default: {ServiceConfigLoader.FileName} beside the store." };
        var store = CommonOptions.Store();
        var command = new Command("test-send", "Send a test message on a channel of modscope.yaml now (not through the outbox) and report whether it went.")
        {
            channel, to, config, store,
        };
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var path = parsed.GetValue(config) ?? ServiceConfigLoader.BesideStore(parsed.GetValue(store)!)
                ?? throw new UsageException($"No service configuration: give --config FILE or put {ServiceConfigLoader.FileName} beside the store.");
            var loaded = ServiceConfigLoader.Load(path);
            var name = parsed.GetValue(channel)!;
            var target = loaded.Channel(name) ?? throw new UsageException(
                $"{loaded.File}: no channel is named '{name}'{Common.NearMatch.SuggestOrStop(name, loaded.Channels.Select(c => c.Name))}");
            var recipients = parsed.GetValue(to) ?? [];
            if (target.Kind == ChannelKind.Smtp && recipients.Length == 0)
            {
                throw new UsageException($"'{name}' sends e-mail: give the test's addresses with --to.");
            }
            var now = DateTime.UtcNow;
            var key = "test-send|" + name + "|" + now.ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture);
            var text = $"A test message from ModScope on channel '{name}', sent {now:yyyy-MM-dd HH:mm:ss} UTC by 'modscope test-send'.";
            var item = new OutboxItem(0, key, "test-send", name, recipients, new Message("ModScope test message", text, """{"test":true}"""),
                OutboxStatus.Pending, 0, now, null, now, null);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var sender = new ChannelSender(new SmtpSender(TimeSpan.FromSeconds(30)), new WebhookSender(http, TimeProvider.System));
            try
            {
                await sender.SendAsync(target, item, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever stopped the send (refused, unreachable, bad credentials) is the answer to print.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                await context.Error.WriteLineAsync($"modscope: test-send: '{name}' did not send: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            await context.HelpOutput.WriteLineAsync($"Sent a test message on '{name}' (key {key}).").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
