using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Ingest;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>
/// A store holding twelve weeks of steady data, one file per day, each loaded at 02:00 the next day:
/// per site (KUL-ALPHA in MY, AUS-INHOUSE in US) 40 human decisions on weekdays and 24 at weekends, plus 60 automated
/// decisions in ID every day; optionally 5 QA audits a day of KUL-ALPHA's first decisions. Row i of a day is decided at
/// hour i mod 24, minute 7i mod 60 (so a 40-row day ends at 23:41). Tests change <see cref="Rows"/> to plant a problem.
/// </summary>
public sealed class QualityStore : IDisposable
{
    public const string Kul = "KUL-ALPHA";
    public const string Aus = "AUS-INHOUSE";
    public const string Automated = "AUTO";

    public static readonly DateOnly First = new(2026, 6, 1);   // a Monday
    public static readonly DateOnly Last = new(2026, 8, 24);   // a Monday, twelve weeks later
    public static readonly DateOnly AsOf = new(2026, 8, 25);

    private readonly TempStore _temp = new();

    public TempStore Temp => _temp;

    /// <summary>Rows per site (or <see cref="Automated"/>) and day.</summary>
    public Func<string, DateOnly, int> Rows { get; set; } = Usual;

    /// <summary>Days that get 5 audits (none when null).</summary>
    public Func<DateOnly, bool>? AuditDays { get; set; }

    public static int Usual(string site, DateOnly day) =>
        site == Automated ? 60 : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 24 : 40;

    public async Task LoadAsync()
    {
        var paths = new List<string>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var rows = new[] { Kul, Aus, Automated }.SelectMany(site => Enumerable.Range(0, Rows(site, day)).Select(i => Decision(site, day, i)));
            paths.Add(DecisionRows.WriteCsv(_temp.File($"decisions-{Day(day)}.csv"), DecisionRows.Header, rows));
            if (AuditDays?.Invoke(day) == true)
            {
                var audits = Enumerable.Range(0, Math.Min(5, Rows(Kul, day))).Select(i => Audit($"A-{Id(Kul, day, i)}", Id(Kul, day, i), day.ToDateTime(new TimeOnly(21, 0))));
                paths.Add(DecisionRows.WriteCsv(_temp.File($"qa_audits-{Day(day)}.csv"), DecisionRows.AuditHeader, audits));
            }
        }
        await new Ingestor(_temp.Store).IngestAsync(paths, new IngestOptions());
        Execute("""
            UPDATE files SET loaded_at = CAST(regexp_extract(name, '\d{4}-\d{2}-\d{2}') AS DATE) + INTERVAL 26 HOUR
            WHERE regexp_matches(name, '^(decisions|qa_audits)-\d{4}-\d{2}-\d{2}\.csv$')
            """);
    }

    /// <summary>Writes and loads one more file, then records it as loaded at <paramref name="loadedAt"/>.</summary>
    public async Task<FileResult> LoadFileAsync(string name, string header, IEnumerable<string> rows, DateTime loadedAt)
    {
        var path = DecisionRows.WriteCsv(_temp.File(name), header, rows);
        var result = await new Ingestor(_temp.Store).IngestAsync([path], new IngestOptions());
        Execute("UPDATE files SET loaded_at = $at WHERE name = $name", ("at", loadedAt), ("name", name));
        return result.Files.Single();
    }

    public Task<IReadOnlyList<QualityFinding>> RunAsync(QualitySettings? settings = null, EventCalendar? calendar = null) =>
        DataQualityChecks.RunAsync(_temp.Store, AsOf, settings ?? new QualitySettings(), calendar, CancellationToken.None);

    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = _temp.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }
        command.ExecuteNonQuery();
    }

    /// <summary>The first row of <paramref name="sql"/>, read straight from the store.</summary>
    public object?[] Row(string sql)
    {
        using var connection = _temp.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
    }

    public static string Id(string site, DateOnly day, int i) => $"{site}-{day:yyyyMMdd}-{i}";

    public static string Decision(string site, DateOnly day, int i, int version = 1, string? id = null)
    {
        var decided = day.ToDateTime(new TimeOnly(i % 24, i * 7 % 60));
        var times = $"{Stamp(decided.AddMinutes(-10))},{Stamp(decided)}";
        id ??= Id(site, day, i);
        return site switch
        {
            Automated => $"{id},product,P{id},ID,ID-patrol,weapons,user_report,automated,,,approve,id,{times},0,{version}",
            Kul => $"{id},listing,L{id},MY,MY-prelisting,counterfeit,proactive_model,human,{site}-m001,{site},remove,ms,{times},42.5,{version}",
            _ => $"{id},listing,L{id},US,US-prelisting,counterfeit,proactive_model,human,{site}-m001,{site},remove,en,{times},42.5,{version}",
        };
    }

    public static string Audit(string auditId, string decisionId, DateTime auditedAt) =>
        $"{auditId},{decisionId},QA-01,{Stamp(auditedAt)},stratum-1,120,30,remove,counterfeit,none";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => _temp.Dispose();
}
