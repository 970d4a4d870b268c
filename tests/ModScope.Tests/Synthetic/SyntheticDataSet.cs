using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModScope.Tests.Synthetic;

/// <summary>A generated CSV data set read back with the tests' own CSV reader.</summary>
public sealed partial class SyntheticDataSet
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public required string Folder { get; init; }
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }
    public required IReadOnlyList<AuditRecord> Audits { get; init; }
    public required IReadOnlyList<AppealRecord> Appeals { get; init; }
    public required IReadOnlyList<StaffingRecord> Staffing { get; init; }
    public required IReadOnlyList<IncidentTruth> Incidents { get; init; }

    /// <summary>The planted automation candidate as its audits' stratum suffix names it (<c>policy/queue</c>); null without one.</summary>
    public string? AutomationCell { get; init; }

    /// <summary>The site whose enforce stratum is planted over-sampled; null without one.</summary>
    public string? OverSampledSite { get; init; }

    /// <summary>Day files by table (redelivered files excluded), keyed by date.</summary>
    public required IReadOnlyDictionary<string, SortedDictionary<DateOnly, string>> DayFiles { get; init; }

    /// <summary>Re-delivered decisions files, keyed by date.</summary>
    public required IReadOnlyDictionary<DateOnly, string> Redeliveries { get; init; }

    public IEnumerable<DateOnly> Dates => DayFiles["decisions"].Keys;

    public static SyntheticDataSet Load(string folder)
    {
        var dayFiles = new[] { "decisions", "qa_audits", "appeals", "staffing" }
            .ToDictionary(t => t, _ => new SortedDictionary<DateOnly, string>());
        var redeliveries = new Dictionary<DateOnly, string>();
        foreach (var path in Directory.GetFiles(folder, "*.csv"))
        {
            var match = FileName().Match(Path.GetFileName(path));
            Assert.True(match.Success, $"Unexpected file name {Path.GetFileName(path)}");
            var date = DateOnly.ParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (match.Groups["redelivery"].Success)
            {
                redeliveries[date] = path;
            }
            else
            {
                dayFiles[match.Groups["table"].Value][date] = path;
            }
        }

        return new SyntheticDataSet
        {
            Folder = folder,
            DayFiles = dayFiles,
            Redeliveries = redeliveries,
            Decisions = ReadAll(dayFiles["decisions"], ReadDecision),
            Audits = ReadAll(dayFiles["qa_audits"], (f, r, d) => new AuditRecord(
                r[f.Column("audit_id")], r[f.Column("decision_id")], r[f.Column("auditor_id")], Time(r[f.Column("audited_at")]),
                r[f.Column("stratum")], long.Parse(r[f.Column("stratum_population")], CultureInfo.InvariantCulture),
                long.Parse(r[f.Column("stratum_sample_size")], CultureInfo.InvariantCulture), r[f.Column("qa_verdict")],
                r[f.Column("qa_policy_id")], r[f.Column("error_type")], d)),
            Appeals = ReadAll(dayFiles["appeals"], (f, r, d) => new AppealRecord(
                r[f.Column("appeal_id")], r[f.Column("decision_id")], Time(r[f.Column("filed_at")]),
                r[f.Column("resolved_at")].Length == 0 ? null : Time(r[f.Column("resolved_at")]),
                r[f.Column("outcome")].Length == 0 ? null : r[f.Column("outcome")], d)),
            Staffing = ReadAll(dayFiles["staffing"], (f, r, d) => new StaffingRecord(
                DateOnly.ParseExact(r[f.Column("date")], "yyyy-MM-dd", CultureInfo.InvariantCulture), r[f.Column("site")], r[f.Column("market")],
                r[f.Column("moderator_id")], Number(r[f.Column("scheduled_hours")]), Number(r[f.Column("productive_hours")]),
                Number(r[f.Column("hourly_cost")]), d)),
            Incidents = ReadIncidents(Path.Combine(folder, "incidents.json")),
            AutomationCell = ReadPlanted(Path.Combine(folder, "opportunities.json"), "automation", s => $"{s.GetProperty("policy").GetString()}/{s.GetProperty("queue").GetString()}"),
            OverSampledSite = ReadPlanted(Path.Combine(folder, "opportunities.json"), "qa-sampling", s => s.GetProperty("site").GetString()!),
        };
    }

    public static DecisionRecord ReadDecision(CsvFile f, string[] r, DateOnly fileDate) => new(
        r[f.Column("decision_id")], r[f.Column("object_type")], r[f.Column("object_id")], r[f.Column("market")], r[f.Column("queue")],
        r[f.Column("policy_id")], r[f.Column("detection_source")], r[f.Column("decided_by")], r[f.Column("moderator_id")],
        r[f.Column("site")], r[f.Column("verdict")], r[f.Column("language")], Time(r[f.Column("created_at")]),
        Time(r[f.Column("decided_at")]), Number(r[f.Column("handling_seconds")]), r[f.Column("version")], fileDate);

    public static DateTime Time(string text) =>
        DateTime.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<T> ReadAll<T>(SortedDictionary<DateOnly, string> files, Func<CsvFile, string[], DateOnly, T> read)
    {
        var all = new List<T>();
        foreach (var (date, path) in files)
        {
            var file = CsvFile.Read(path);
            all.AddRange(file.Rows.Select(r => read(file, r, date)));
        }

        return all;
    }

    private static string? ReadPlanted(string path, string kind, Func<JsonElement, string> name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind)
            .Select(e => name(e.GetProperty("subject"))).SingleOrDefault();
    }

    private static List<IncidentTruth> ReadIncidents(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateArray().Select(e => new IncidentTruth(
            e.GetProperty("id").GetString()!,
            e.GetProperty("kind").GetString()!,
            DateOnly.ParseExact(e.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()!).ToArray(),
            e.GetProperty("segment").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            e.GetProperty("direction").GetString()!,
            e.GetProperty("effects").EnumerateArray().Select(x => (x.GetProperty("metric").GetString()!, x.GetProperty("direction").GetString()!)).ToArray(),
            e.GetProperty("description").GetString()!,
            e.GetProperty("consequences").EnumerateArray().Select(x => (x.GetProperty("metric").GetString()!, x.GetProperty("direction").GetString()!)).ToArray())).ToList();
    }

    [GeneratedRegex(@"^(?<table>decisions|qa_audits|appeals|staffing)-(?<date>\d{4}-\d{2}-\d{2})(?<redelivery>-redelivery)?\.csv$")]
    private static partial Regex FileName();
}
