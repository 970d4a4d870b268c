namespace ModScope.Service.Channels;

/// <summary>
/// The JSON a webhook receives: ModScope's own (<see cref="Plain"/>: key, subject, text, items), a Slack incoming
/// webhook's <c>{"text": …}</c>, or a Microsoft Teams message card (<c>@type: MessageCard</c>, title, text).
/// </summary>
public enum PayloadShape
{
    Plain,
    Slack,
    Teams,
}
