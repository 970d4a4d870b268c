using ModScope.Common;

namespace ModScope.Service.Channels;

/// <summary>A send that did not go: the channel refused it, or its settings cannot be used (a secret's variable unset).</summary>
public sealed class DeliveryException : ModScopeException
{
    public DeliveryException()
    {
    }

    public DeliveryException(string message) : base(message)
    {
    }

    public DeliveryException(string message, Exception inner) : base(message, inner)
    {
    }
}
