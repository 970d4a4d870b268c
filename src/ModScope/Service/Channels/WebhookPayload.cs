using System.Text.Json;
using System.Text.Json.Nodes;
using ModScope.Service.Outbox;

namespace ModScope.Service.Channels;

/// <summary>The JSON body a webhook gets for a delivery, in the channel's <see cref="PayloadShape"/>.</summary>
public static class WebhookPayload
{
    public static string For(OutboxItem item, PayloadShape shape)
    {
        ArgumentNullException.ThrowIfNull(item);
        var m = item.Message;
        JsonObject body = shape switch
        {
            PayloadShape.Slack => new JsonObject { ["text"] = $"*{m.Subject}*\n{m.Text}" },
            PayloadShape.Teams => new JsonObject
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = m.Subject,
                ["title"] = m.Subject,
                ["text"] = m.Text.Replace("\n", "\n\n", StringComparison.Ordinal),
            },
            _ => new JsonObject
            {
                ["key"] = item.Key,
                ["subscription"] = item.Subscription,
                ["subject"] = m.Subject,
                ["text"] = m.Text,
                ["data"] = JsonNode.Parse(m.Json),
            },
        };
        return body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
