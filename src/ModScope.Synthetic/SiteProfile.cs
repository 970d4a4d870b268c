using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>A moderation site with its simulation numbers.</summary>
internal sealed record SiteProfile(Site Site, int Index, double ErrorMultiplier, double HourlyCost, double TargetUph)
{
    public string Id => Site.SiteId;
}
