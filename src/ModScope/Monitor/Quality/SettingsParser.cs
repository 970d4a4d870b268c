using ModScope.Model;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Quality;

/// <summary>The sections of <c>monitors.yaml</c>, each read onto its default record.</summary>
internal static class SettingsParser
{
    private static readonly string[] TopKeys =
        ["days", "freshness", "volume", "null_rate", "duplicates", "orphans", "quarantine", "late_arrival"];

    public static QualitySettings Read(SettingsReader r, YamlMappingNode root)
    {
        r.Yaml.OnlyKeys(root, "(root)", TopKeys);
        var d = new QualitySettings();
        var settings = new QualitySettings
        {
            Days = r.Whole(root, "days", "(root)", d.Days),
            Freshness = Freshness(r, root, d.Freshness),
            Volume = Volume(r, root, d.Volume),
            NullRate = NullRates.Read(r, root, d.NullRate),
        };

        var duplicates = r.Section(root, "duplicates", "duplicates", "max_replaced_share", "min_replaced_rows");
        var orphans = r.Section(root, "orphans", "orphans", "max_pending_days");
        var quarantine = r.Section(root, "quarantine", "quarantine", "max_rate", "critical_rate");
        var late = r.Section(root, "late_arrival", "late_arrival", "max_delay_days", "max_share", "critical_share");
        return settings with
        {
            Duplicates = new DuplicateSettings
            {
                MaxReplacedShare = r.Share(duplicates, "max_replaced_share", "duplicates", d.Duplicates.MaxReplacedShare),
                MinReplacedRows = r.Whole(duplicates, "min_replaced_rows", "duplicates", d.Duplicates.MinReplacedRows),
            },
            Orphans = new OrphanSettings { MaxPendingDays = r.Whole(orphans, "max_pending_days", "orphans", d.Orphans.MaxPendingDays) },
            Quarantine = new QuarantineSettings
            {
                MaxRate = r.Share(quarantine, "max_rate", "quarantine", d.Quarantine.MaxRate),
                CriticalRate = r.Share(quarantine, "critical_rate", "quarantine", d.Quarantine.CriticalRate),
            },
            LateArrival = new LateArrivalSettings
            {
                MaxDelayDays = r.Whole(late, "max_delay_days", "late_arrival", d.LateArrival.MaxDelayDays, min: 0),
                MaxShare = r.Share(late, "max_share", "late_arrival", d.LateArrival.MaxShare),
                CriticalShare = r.Share(late, "critical_share", "late_arrival", d.LateArrival.CriticalShare),
            },
        };
    }

    private static FreshnessSettings Freshness(SettingsReader r, YamlMappingNode root, FreshnessSettings d)
    {
        var section = r.Section(root, "freshness", "freshness", "max_lag_hours", "site_active_days", "critical_factor");
        var hours = new Dictionary<string, double>(d.MaxLagHours, StringComparer.Ordinal);
        if (section is not null && r.Section(section, "max_lag_hours", "freshness.max_lag_hours", [.. EventSchema.All.Select(t => t.Name)]) is { } lags)
        {
            foreach (var table in EventSchema.All.Select(t => t.Name))
            {
                hours[table] = r.Number(lags, table, "freshness.max_lag_hours", hours[table], min: 1);
            }
        }
        return new FreshnessSettings
        {
            MaxLagHours = hours,
            SiteActiveDays = r.Whole(section, "site_active_days", "freshness", d.SiteActiveDays),
            CriticalFactor = r.Number(section, "critical_factor", "freshness", d.CriticalFactor, min: 1),
        };
    }

    private static VolumeSettings Volume(SettingsReader r, YamlMappingNode root, VolumeSettings d)
    {
        var section = r.Section(root, "volume", "volume", "baseline_weeks", "min_baseline_weeks", "robust_z", "critical_z",
            "relative_change", "min_expected_rows", "min_spread");
        var volume = new VolumeSettings
        {
            BaselineWeeks = r.Whole(section, "baseline_weeks", "volume", d.BaselineWeeks),
            MinBaselineWeeks = r.Whole(section, "min_baseline_weeks", "volume", d.MinBaselineWeeks),
            RobustZ = r.Number(section, "robust_z", "volume", d.RobustZ, min: 0.5),
            CriticalZ = r.Number(section, "critical_z", "volume", d.CriticalZ, min: 0.5),
            RelativeChange = r.Number(section, "relative_change", "volume", d.RelativeChange),
            MinExpectedRows = r.Number(section, "min_expected_rows", "volume", d.MinExpectedRows),
            MinSpread = r.Number(section, "min_spread", "volume", d.MinSpread, min: 0.001),
        };
        if (volume.MinBaselineWeeks > volume.BaselineWeeks)
        {
            r.Yaml.Problem(r.Yaml.Child(section!, "min_baseline_weeks") ?? section, "volume.min_baseline_weeks",
                $"{volume.MinBaselineWeeks} is more than baseline_weeks ({volume.BaselineWeeks})");
        }
        return volume;
    }
}
