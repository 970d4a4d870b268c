using System.Globalization;

namespace ModScope.Query;

/// <summary>DuckDB: <c>date_trunc</c>, <c>timezone()</c> through ICU, <c>epoch()</c>, <c>quantile_cont</c>.</summary>
public sealed class DuckDbDialect : StandardDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    // Stored timestamps are UTC; casting to TIMESTAMPTZ under the session's UTC zone keeps the instant.
    public override string LocalTime(string utcTimestamp, string timeZoneParameter) =>
        $"timezone({timeZoneParameter}, CAST({utcTimestamp} AS TIMESTAMPTZ))";

    public override string Truncate(string localTimestamp, TimeGrain grain) =>
        $"CAST(date_trunc('{Unit(grain)}', {localTimestamp}) AS TIMESTAMP)";

    public override string AddMinutes(string timestamp, string minutesParameter) => $"({timestamp} + to_minutes({minutesParameter}))";

    public override string HoursBetween(string earlier, string later) => $"((epoch({later}) - epoch({earlier})) / 3600.0)";

    protected override string QuantileCall(string value, double quantile) =>
        $"quantile_cont({value}, {quantile.ToString("R", CultureInfo.InvariantCulture)})";
}
