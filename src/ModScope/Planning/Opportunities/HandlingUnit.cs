namespace ModScope.Planning.Opportunities;

/// <summary>
/// A moderator or a queue whose handling time is compared with its peers' on the same mix.
/// </summary>
/// <param name="Subject">Dimension values naming the unit ({moderator: …, site: …} or {queue: …}).</param>
/// <param name="PeerGroup">Units of the same group are each other's peers (moderators of a site; queues of an object type).</param>
/// <param name="HourlyCost">Hourly cost of the unit's moderators.</param>
/// <param name="Weeks">Weeks the strata cover.</param>
/// <param name="Strata">Its decisions by stratum.</param>
public sealed record HandlingUnit(IReadOnlyDictionary<string, string> Subject, string PeerGroup, double HourlyCost, double Weeks, IReadOnlyList<HandlingStratum> Strata);
