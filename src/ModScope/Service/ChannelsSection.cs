using System.Globalization;
using ModScope.Common;
using ModScope.Service.Channels;
using YamlDotNet.RepresentationModel;

namespace ModScope.Service;

/// <summary>
/// Reads <c>channels</c>: a mapping of names to an <c>smtp</c> (host, port, from, tls, user_env, password_env) or a
/// <c>webhook</c> (url, secret_env, shape) channel. Credentials and secrets are named as environment variables, never
/// written in the file.
/// </summary>
internal static class ChannelsSection
{
    public static List<Channel> Read(YamlReader reader, YamlNode node)
    {
        var channels = new List<Channel>();
        if (reader.Mapping(node, "channels") is not { } mapping)
        {
            return channels;
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var field = $"channels.{name}";
            if (reader.Mapping(value, field) is not { } entry)
            {
                continue;
            }
            var type = reader.Text(entry, "type", field);
            Channel? channel = type switch
            {
                "smtp" => Smtp(reader, entry, field) is { } smtp ? new Channel(name, ChannelKind.Smtp, smtp, null) : null,
                "webhook" => Webhook(reader, entry, field) is { } hook ? new Channel(name, ChannelKind.Webhook, null, hook) : null,
                null => null,
                _ => Refuse(reader, reader.Child(entry, "type"), $"{field}.type", $"'{type}' is not one of smtp, webhook"),
            };
            if (channel is not null)
            {
                channels.Add(channel);
            }
        }
        return channels;
    }

    private static SmtpSettings? Smtp(YamlReader reader, YamlMappingNode entry, string field)
    {
        reader.OnlyKeys(entry, field, "type", "host", "port", "from", "tls", "user_env", "password_env");
        var host = reader.Text(entry, "host", field);
        var port = reader.Number(entry, "port", field, required: false) ?? 25;
        if (port is < 1 or > 65_535 || port != Math.Floor(port))
        {
            reader.Problem(reader.Child(entry, "port"), $"{field}.port", $"must be a port from 1 to 65535, not {port.ToString(CultureInfo.InvariantCulture)}");
        }
        var from = reader.Text(entry, "from", field);
        if (from is not null && (!from.Contains('@', StringComparison.Ordinal) || !MimeKit.MailboxAddress.TryParse(from, out _)))
        {
            reader.Problem(reader.Child(entry, "from"), $"{field}.from", $"'{from}' is not an e-mail address");
        }
        SmtpTls? tls = reader.OneOf(entry, "tls", field, ["none", "starttls", "tls", "auto"], "auto") switch
        {
            "none" => SmtpTls.None,
            "starttls" => SmtpTls.StartTls,
            "tls" => SmtpTls.Tls,
            "auto" => SmtpTls.Auto,
            _ => null,
        };
        var user = Variable(reader, entry, "user_env", field);
        var password = Variable(reader, entry, "password_env", field);
        if ((user is null) != (password is null))
        {
            reader.Problem(entry, $"{field}.password_env", "give user_env and password_env together, or neither (no authentication)");
        }
        return host is null || from is null || tls is null ? null : new SmtpSettings(host, (int)port, from, tls.Value, user, password);
    }

    private static WebhookSettings? Webhook(YamlReader reader, YamlMappingNode entry, string field)
    {
        reader.OnlyKeys(entry, field, "type", "url", "secret_env", "shape");
        var url = reader.Text(entry, "url", field);
        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            reader.Problem(reader.Child(entry, "url"), $"{field}.url", $"'{url}' is not an http or https URL");
            uri = null;
        }
        PayloadShape? shape = reader.OneOf(entry, "shape", field, ["plain", "slack", "teams"], "plain") switch
        {
            "plain" => PayloadShape.Plain,
            "slack" => PayloadShape.Slack,
            "teams" => PayloadShape.Teams,
            _ => null,
        };
        var secret = Variable(reader, entry, "secret_env", field);
        return uri is null || shape is null ? null : new WebhookSettings(uri, secret, shape.Value);
    }

    /// <summary>An environment variable's name (checked for shape, not for being set: it is read at each send, and test-send says when it is missing).</summary>
    private static string? Variable(YamlReader reader, YamlMappingNode entry, string key, string field)
    {
        var name = reader.Text(entry, key, field, required: false);
        if (name is not null && !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            reader.Problem(reader.Child(entry, key), $"{field}.{key}", $"'{name}' is not an environment variable's name (letters, digits, _); the secret itself never goes in this file");
            return null;
        }
        return name;
    }

    private static Channel? Refuse(YamlReader reader, YamlNode? node, string field, string message)
    {
        reader.Problem(node, field, message);
        return null;
    }
}
