namespace ModScope.Web.Access;

/// <summary>What a caller may do: everyone reads; analysts also change alerts.</summary>
internal enum Role
{
    Anonymous,
    Viewer,
    Analyst,
}
