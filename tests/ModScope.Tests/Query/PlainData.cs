using System.Globalization;

namespace ModScope.Tests.Query;

/// <summary>
/// The generated files read with plain string splitting (no ModScope code), to compute every metric a
/// second, independent way. The redelivered file is skipped: its rows are duplicates the store rejects.
/// </summary>
public sealed class PlainData
{
    public sealed record Dec(string Id, string Market, string Queue, string Policy, string Source, string By, string? Site, string Verdict, DateTime Created, DateTime Decided, double Handling);
    public sealed record Audit(string Id, string DecisionId, DateTime Audited, string Stratum, long Population, long Sample, string QaVerdict, string Error);
    public sealed record Appeal(string DecisionId, DateTime Filed, DateTime? Resolved, string? Outcome);
    public sealed record Staff(DateTime Date, string Site, string Market, double Scheduled, double Productive, double Cost);

    public PlainData(string folder, string referenceFolder)
    {
        Decisions = Rows(folder, "decisions").Select(r => new Dec(r[0], r[3], r[4], r[5], r[6], r[7], Null(r[9]), r[10], T(r[12]), T(r[13]), D(r[14]))).ToList();
        Audits = Rows(folder, "qa_audits").Select(r => new Audit(r[0], r[1], T(r[3]), r[4], long.Parse(r[5], CultureInfo.InvariantCulture),
            long.Parse(r[6], CultureInfo.InvariantCulture), r[7], r[9])).ToList();
        Appeals = Rows(folder, "appeals").Select(r => new Appeal(r[1], T(r[2]), Null(r[3]) is { } x ? T(x) : null, Null(r[4]))).ToList();
        Staffing = Rows(folder, "staffing").Select(r => new Staff(DateTime.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), r[1], r[2], D(r[4]), D(r[5]), D(r[6]))).ToList();
        Sla = File.ReadLines(Path.Combine(referenceFolder, "queues.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(r => r[0], r => D(r[3]));
        Region = File.ReadLines(Path.Combine(referenceFolder, "markets.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r[3]);
        ById = Decisions.ToDictionary(d => d.Id);
    }

    public List<Dec> Decisions { get; }
    public List<Audit> Audits { get; }
    public List<Appeal> Appeals { get; }
    public List<Staff> Staffing { get; }
    public Dictionary<string, double> Sla { get; }
    public Dictionary<string, string> Region { get; }
    public Dictionary<string, Dec> ById { get; }

    private static IEnumerable<string[]> Rows(string folder, string table) =>
        Directory.GetFiles(folder, table + "-*.csv").Where(f => !f.Contains("redelivery", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split(','));

    private static DateTime T(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    private static string? Null(string text) => text.Length == 0 ? null : text;
}
