using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>
/// Reads a catalogue's <c>roles:</c> section: every role required, each naming a metric of the file (a list role, one or
/// more), unknown role names and metric ids reported with their line and near matches.
/// </summary>
internal static class RoleParser
{
    private static readonly string[] Single =
        ["volume", "staffing_hours", "qa_rate", "over_enforcement", "under_enforcement", "agreement", "overturn", "sla", "turnaround", "backlog"];

    private static readonly string[] Lists =
        ["overview", "report_headline", "report_movements", "report_quality", "report_ranking", "quality_errors", "thin_samples",
         "charts_exec", "charts_regional", "charts_quality"];

    /// <summary>Roles a catalogue may leave out: the features that need them (planning) say which is missing.</summary>
    private static readonly string[] Optional = ["human_volume", "handling_time", "handling_squares", "utilisation", "labour_cost"];

    /// <summary>The roles, or null when a problem was recorded (the catalogue then fails to load anyway).</summary>
    public static CatalogRoles? Parse(YamlReader reader, YamlMappingNode root, IReadOnlyCollection<string> metricIds)
    {
        if (reader.Child(root, "roles") is not { } node)
        {
            reader.Problem(root, "roles", "is required: the metrics ModScope's logic asks for (volume, overview, ...); see catalog/README.md");
            return null;
        }
        if (reader.Mapping(node, "roles") is not { } roles)
        {
            return null;
        }
        reader.OnlyKeys(roles, "roles", [.. Single, .. Lists, .. Optional]);
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var complete = true;
        foreach (var role in Single.Concat(Lists).Concat(Optional))
        {
            var field = $"roles.{role}";
            if (reader.Child(roles, role) is not { } value)
            {
                if (Optional.Contains(role))
                {
                    continue;
                }
                reader.Problem(roles, field, "is required");
                complete = false;
                continue;
            }
            var ids = !Lists.Contains(role) && value is not YamlScalarNode
                ? Problem(reader, value, field, "expected one metric id")
                : reader.TextList(value, field);
            foreach (var id in ids.Where(id => !metricIds.Contains(id)))
            {
                reader.Problem(value, field, $"unknown metric '{id}'{NearMatch.Suggest(id, metricIds)}");
                complete = false;
            }
            complete &= ids.Count > 0;
            found[role] = ids;
        }
        return complete ? Build(found) : null;
    }

    private static List<string> Problem(YamlReader reader, YamlNode node, string field, string message)
    {
        reader.Problem(node, field, message);
        return [];
    }

    private static CatalogRoles Build(Dictionary<string, IReadOnlyList<string>> r) => new()
    {
        Volume = r["volume"][0],
        StaffingHours = r["staffing_hours"][0],
        QaRate = r["qa_rate"][0],
        OverEnforcement = r["over_enforcement"][0],
        UnderEnforcement = r["under_enforcement"][0],
        Agreement = r["agreement"][0],
        Overturn = r["overturn"][0],
        Sla = r["sla"][0],
        Turnaround = r["turnaround"][0],
        Backlog = r["backlog"][0],
        Overview = r["overview"],
        ReportHeadline = r["report_headline"],
        ReportMovements = r["report_movements"],
        ReportQuality = r["report_quality"],
        ReportRanking = r["report_ranking"],
        QualityErrors = r["quality_errors"],
        ThinSamples = r["thin_samples"],
        ChartsExec = r["charts_exec"],
        ChartsRegional = r["charts_regional"],
        ChartsQuality = r["charts_quality"],
        HumanVolume = r.GetValueOrDefault("human_volume")?[0],
        HandlingTime = r.GetValueOrDefault("handling_time")?[0],
        HandlingSquares = r.GetValueOrDefault("handling_squares")?[0],
        Utilisation = r.GetValueOrDefault("utilisation")?[0],
        LabourCost = r.GetValueOrDefault("labour_cost")?[0],
    };
}
