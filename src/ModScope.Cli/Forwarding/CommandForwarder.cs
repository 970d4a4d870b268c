using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net.Http.Json;
using ModScope.Web.Forwarding;

namespace ModScope.Cli.Forwarding;

/// <summary>
/// While <c>modscope serve</c> holds a store, the CLI's write commands (ingest, monitor, alerts ack/resolve/snooze/label)
/// go through it: found from the store's <see cref="ServerInfoFile"/>, the command line is sent to the server with its
/// secret, the server runs it under its write gate, and its output and exit code become this command's.
/// </summary>
internal static class CommandForwarder
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal)
    {
        "ingest", "monitor", "alerts ack", "alerts resolve", "alerts snooze", "alerts label",
    };

    /// <summary>Options and arguments whose values are paths, made absolute before forwarding (the server has its own working folder).</summary>
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal) { "paths", "--catalog" };

    /// <summary>The running server to forward <paramref name="parsed"/> to, or null to run it here.</summary>
    public static ServerInfo? Target(ParseResult parsed, CliContext context)
    {
        if (context.InServer || parsed.Action is System.CommandLine.Help.HelpAction || !Writes.Contains(CommandPath(parsed.CommandResult)))
        {
            return null;
        }
        var engine = parsed.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == "--engine");
        if (engine is not null && engine.Tokens.Any(t => !t.Value.Equals("duckdb", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var store = parsed.GetValue<string>("--store") ?? Commands.CommonOptions.DefaultStore;
        return ServerInfoFile.Find(store);
    }

    /// <summary>Sends the command to <paramref name="server"/> and prints what it printed; null when the server did not answer.</summary>
    public static async Task<int?> ForwardAsync(ParseResult parsed, ServerInfo server, CliContext context, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, ForwardedCommand.Route)
        {
            Content = JsonContent.Create(new ForwardedCommand(Arguments(parsed), context.Out.Profile.Width)),
        };
        request.Headers.Add(ForwardedCommand.SecretHeader, server.Secret);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await context.Error.WriteLineAsync($"{CliApp.Name}: warning: the server for this store ({server.Url}, pid {server.Pid}) did not answer ({ex.Message}); running here.").ConfigureAwait(false);
            return null;
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new IOException($"The server for this store ({server.Url}, pid {server.Pid}) refused the command: {(int)response.StatusCode} {detail}");
            }
            var outcome = await response.Content.ReadFromJsonAsync<CommandOutcome>(cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"The server for this store ({server.Url}) answered nothing.");
            await context.Out.Profile.Out.Writer.WriteAsync(outcome.Output).ConfigureAwait(false);
            await context.Out.Profile.Out.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await context.Error.WriteAsync(outcome.Error).ConfigureAwait(false);
            return outcome.Exit;
        }
    }

    /// <summary>The command line as parsed, without <c>--store</c> (the server names its own) and with paths made absolute.</summary>
    private static List<string> Arguments(ParseResult parsed)
    {
        var command = parsed.CommandResult;
        var line = CommandPath(command).Split(' ').ToList();
        foreach (var child in command.Children)
        {
            switch (child)
            {
                case OptionResult { Implicit: false } option when option.Option.Name != "--store":
                    line.Add(option.Option.Name);
                    line.AddRange(option.Tokens.Select(t => Paths.Contains(option.Option.Name) ? Path.GetFullPath(t.Value) : t.Value));
                    break;
                case ArgumentResult argument:
                    line.AddRange(argument.Tokens.Select(t => Paths.Contains(argument.Argument.Name) ? Path.GetFullPath(t.Value) : t.Value));
                    break;
            }
        }
        if (parsed.GetValue(CliApp.Verbose) && !line.Contains(CliApp.Verbose.Name))
        {
            line.Add(CliApp.Verbose.Name);
        }
        return line;
    }

    /// <summary>The sub-command's path below the root, e.g. <c>alerts ack</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (CommandResult? c = command; c?.Parent is CommandResult; c = c.Parent as CommandResult)
        {
            names.Insert(0, c.Command.Name);
        }
        return string.Join(' ', names);
    }
}
