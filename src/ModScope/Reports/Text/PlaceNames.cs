using ModScope.Model;

namespace ModScope.Reports.Text;

/// <summary>
/// Names of dimension values from the shipped reference data, per language: markets (Indonesia, 印度尼西亚), policies
/// and queues; other values (sites, moderators) are shown as they are.
/// </summary>
public static class PlaceNames
{
    public static string Name(string dimension, string? value, string language)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(language);
        if (value is null)
        {
            return "(none)";
        }
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var reference = ReferenceData.Default;
        return dimension switch
        {
            "market" when reference.Markets.FirstOrDefault(m => m.Code == value) is { } m => zh ? m.NameZh : m.NameEn,
            "policy" or "parent_policy" when reference.Policies.FirstOrDefault(p => p.PolicyId == value) is { } p => zh ? p.NameZh : p.NameEn,
            "queue" when reference.Queues.FirstOrDefault(q => q.QueueId == value) is { } q => zh ? q.NameZh : q.NameEn,
            _ => value,
        };
    }
}
