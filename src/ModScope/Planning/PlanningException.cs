using ModScope.Common;

namespace ModScope.Planning;

/// <summary>A plan, forecast or opportunity sizing that cannot be made from the data in scope (the message says why).</summary>
public sealed class PlanningException : ModScopeException
{
    public PlanningException()
    {
    }

    public PlanningException(string message)
        : base(message)
    {
    }

    public PlanningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
