namespace ModScope.Service.Channels;

/// <summary>A webhook channel: where to POST, the secret that signs each body, and the JSON's shape.</summary>
/// <param name="Url">The receiver's URL (http or https).</param>
/// <param name="SecretVariable">
/// The environment variable holding the signing secret (read at each send, never stored), or null to send unsigned.
/// </param>
/// <param name="Shape">The JSON's shape: ModScope's own, Slack's or Teams'.</param>
public sealed record WebhookSettings(Uri Url, string? SecretVariable, PayloadShape Shape);
