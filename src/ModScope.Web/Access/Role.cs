namespace ModScope.Web.Access;

/// <summary>
/// What a caller may do, each role all the one before it may: viewers read (people as pseudonyms); analysts also change
/// alerts, label them, comment, export and see moderator and auditor ids; admins also read the users and the audit log.
/// </summary>
internal enum Role
{
    Anonymous,
    Viewer,
    Analyst,
    Admin,
}
