namespace ModScope.Model;

/// <summary>
/// Names of dimension values from a store's reference data, per language: markets (Indonesia, 印度尼西亚), regions
/// (Southeast Asia, 东南亚), policies
/// and queues (a renamed queue: its latest name), sites (Kuala Lumpur (Alpha), 吉隆坡（Alpha）; the English name in zh when the
/// site has no Chinese one); other values
/// (moderators), and a value without a name, are shown as they are.
/// </summary>
public static class PlaceNames
{
    public static string Name(ReferenceData reference, string dimension, string? value, string language)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(language);
        if (value is null)
        {
            return "(none)";
        }
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var name = dimension switch
        {
            "market" when reference.Markets.LastOrDefault(m => m.Code == value) is { } m => zh ? m.NameZh : m.NameEn,
            "region" when reference.RegionNames.LastOrDefault(r => r.Code == value) is { } r => zh ? r.NameZh : r.NameEn,
            "policy" or "parent_policy" when reference.Policies.LastOrDefault(p => p.PolicyId == value) is { } p => zh ? p.NameZh : p.NameEn,
            "queue" when reference.Queues.LastOrDefault(q => q.QueueId == value) is { } q => zh ? q.NameZh : q.NameEn,
            // A site's Chinese name (sites.csv name_zh: 吉隆坡（Alpha）) is optional: without one, zh shows the English name.
            "site" when reference.Sites.LastOrDefault(s => s.SiteId == value) is { } s => zh && s.NameZh.Length > 0 ? s.NameZh : s.Name,
            _ => value,
        };
        return string.IsNullOrEmpty(name) ? value : name;
    }
}
