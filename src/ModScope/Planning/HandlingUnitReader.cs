using ModScope.Planning.Opportunities;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Reads the handling-time units through the query door: moderators (peers: the moderators of their site) and queues
/// (peers: the queues of their object type), each with its human decisions, handling seconds and squared handling
/// seconds per stratum of the mix (queue × policy for a moderator, policy for a queue).
/// </summary>
public sealed class HandlingUnitReader(PlanningReader reader, PlanningMetrics metrics)
{
    /// <summary>Moderators then queues over <paramref name="first"/>..<paramref name="last"/>; none when the catalogue has no <c>handling_squares</c> role.</summary>
    public async Task<IReadOnlyList<HandlingUnit>> ReadAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last,
        IReadOnlyDictionary<string, double> hourlyCost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hourlyCost);
        if (metrics.HandlingSquares is null)
        {
            return [];
        }

        var weeks = (last.DayNumber - first.DayNumber + 1) / 7.0;
        var mean = hourlyCost.Count == 0 ? 0.0 : hourlyCost.Values.Average();
        var moderators = await UnitsAsync(["site", "moderator"], "site", ["queue", "policy"], filters, first, last, cancellationToken).ConfigureAwait(false);
        var queues = await UnitsAsync(["object_type", "queue"], "object_type", ["policy"], filters, first, last, cancellationToken).ConfigureAwait(false);
        return
        [
            .. moderators.Select(u => new HandlingUnit(u.Subject, u.Group, hourlyCost.GetValueOrDefault(u.Subject["site"], mean), weeks, u.Strata)),
            .. queues.Select(u => new HandlingUnit(u.Subject, u.Group, mean, weeks, u.Strata)),
        ];
    }

    private async Task<List<(Dictionary<string, string> Subject, string Group, HandlingStratum[] Strata)>> UnitsAsync(string[] unit, string peers, string[] mix,
        IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        string[] by = [.. unit, .. mix];
        var rows = await reader.RunAsync([metrics.HumanVolume, metrics.HandlingTime, metrics.HandlingSquares!], by, TimeGrain.None, filters, first, last, cancellationToken)
            .ConfigureAwait(false);
        var cells = rows.Where(r => r.Value is not null).ToLookup(r => PlanningReader.Key(r, by), StringComparer.Ordinal);
        var units = new List<(Dictionary<string, string>, string, HandlingStratum[])>();
        foreach (var group in cells.GroupBy(c => PlanningReader.Key(c.First(), unit), StringComparer.Ordinal))
        {
            var strata = new List<HandlingStratum>();
            foreach (var cell in group)
            {
                var n = cell.FirstOrDefault(r => r.Metric == metrics.HumanVolume)?.Value ?? 0.0;
                var seconds = cell.FirstOrDefault(r => r.Metric == metrics.HandlingTime)?.Value;
                var squares = cell.FirstOrDefault(r => r.Metric == metrics.HandlingSquares)?.Value;
                if (n > 0 && seconds is { } s && squares is { } q)
                {
                    strata.Add(new HandlingStratum(string.Join('|', mix.Select(d => cell.First().Dimensions[d] ?? "(none)")), n, n * s, q));
                }
            }

            var sample = group.First().First();
            if (strata.Count > 0 && unit.All(d => sample.Dimensions[d] is not null))
            {
                units.Add((unit.ToDictionary(d => d, d => sample.Dimensions[d]!, StringComparer.Ordinal), sample.Dimensions[peers]!, [.. strata]));
            }
        }

        return units;
    }
}
