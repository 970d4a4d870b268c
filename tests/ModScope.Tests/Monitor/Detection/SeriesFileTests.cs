using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// <c>timestamp,value</c> CSVs as <c>modscope detect</c> reads them: header optional, ISO 8601 or Unix timestamps,
/// empty or NaN values as gaps, quoted fields; a bad field is an error naming the file, line and column.
/// </summary>
public sealed class SeriesFileTests : IDisposable
{
    private static readonly DateTime Eight = new(2026, 11, 11, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-series-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_header_is_optional()
    {
        var with = SeriesFile.Read(Write("with.csv", "timestamp,value\n2026-11-11T08:00:00Z,1.5\n2026-11-11T09:00:00Z,2\n"));
        var without = SeriesFile.Read(Write("without.csv", "2026-11-11T08:00:00Z,1.5\n2026-11-11T09:00:00Z,2\n"));

        Assert.Equal(without.Points, with.Points);
        Assert.Equal([new SeriesPoint(Eight, 1.5), new SeriesPoint(Eight.AddHours(1), 2.0)], with.Points);
        Assert.Equal([2, 3], with.Rows.Select(r => r.Line));
        Assert.Equal([1, 2], without.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_are_read_like_plain_text()
    {
        var path = Path.Combine(_dir, "excel.csv");
        File.WriteAllText(path, "timestamp,value\r\n2026-11-11T08:00:00Z,1.5\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var file = SeriesFile.Read(path);

        Assert.Equal([new SeriesPoint(Eight, 1.5)], file.Points);
    }

    [Fact]
    public void Named_columns_are_used_wherever_they_are()
    {
        var file = SeriesFile.Read(Write("named.csv", "queue,value,note,timestamp\nUS,7,x,2026-11-11T08:00:00Z\n"));

        Assert.Equal([new SeriesPoint(Eight, 7.0)], file.Points);
    }

    [Fact]
    public void Iso_timestamps_with_an_offset_become_utc_and_without_one_are_taken_as_utc()
    {
        var file = SeriesFile.Read(Write("offsets.csv",
            "2026-11-11T10:00:00+02:00,1\n2026-11-11T03:00:00-05:00,2\n2026-11-11 08:00:00,3\n2026-11-11T08:00:00.000Z,4\n2026-11-11,5\n"));

        Assert.Equal([Eight, Eight, Eight, Eight, Eight.Date], file.Points.Select(p => p.Time));
        Assert.All(file.Points, p => Assert.Equal(DateTimeKind.Utc, p.Time.Kind));
        Assert.Equal("2026-11-11T10:00:00+02:00", file.Rows[0].TimestampText);
    }

    [Fact]
    public void Unix_seconds_and_milliseconds_are_both_read()
    {
        // 1,700,000,000 s after 1970-01-01 is 2023-11-14 22:13:20 UTC.
        var expected = new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc);

        var seconds = SeriesFile.Read(Write("seconds.csv", "1700000000,1\n1700003600,2\n"));
        var millis = SeriesFile.Read(Write("millis.csv", "timestamp,value\n1700000000000,1\n1700003600000,2\n"));

        Assert.Equal([expected, expected.AddHours(1)], seconds.Points.Select(p => p.Time));
        Assert.Equal([expected, expected.AddHours(1)], millis.Points.Select(p => p.Time));
    }

    [Fact]
    public void Empty_and_nan_values_are_gaps_that_keep_their_rows()
    {
        var file = SeriesFile.Read(Write("gaps.csv",
            "timestamp,value\n2026-11-11T08:00:00Z,1\n2026-11-11T09:00:00Z,\n2026-11-11T10:00:00Z,NaN\n2026-11-11T11:00:00Z,null\n2026-11-11T12:00:00Z, \n2026-11-11T13:00:00Z,2\n"));

        Assert.Equal(6, file.Rows.Count);
        Assert.Equal([false, true, true, true, true, false], file.Points.Select(p => double.IsNaN(p.Value)));
        Assert.Equal(2.0, file.Points[5].Value);
    }

    [Fact]
    public void Quoted_fields_are_unquoted()
    {
        var file = SeriesFile.Read(Write("quoted.csv",
            "\"timestamp\",\"value\"\n\"2026-11-11T08:00:00Z\",\"12.5\"\n\"2026-11-11T09:00:00Z\",\"\"\n"));

        Assert.Equal(12.5, file.Points[0].Value);
        Assert.Equal(Eight, file.Points[0].Time);
        Assert.True(double.IsNaN(file.Points[1].Value));
        Assert.Equal("2026-11-11T08:00:00Z", file.Rows[0].TimestampText);
    }

    [Theory]
    [InlineData("12,5x")]
    [InlineData("twelve")]
    [InlineData("Infinity")]
    public void A_value_that_is_not_a_number_names_the_file_line_and_column(string value)
    {
        var path = Write("bad-value.csv", $"timestamp,value\n2026-11-11T08:00:00Z,1\n\n2026-11-11T09:00:00Z,\"{value}\"\n");

        var error = Assert.Throws<InvalidDataException>(() => SeriesFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 'value'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_timestamp_names_the_file_line_and_column()
    {
        var path = Write("bad-time.csv", "timestamp,value\n2026-11-11T08:00:00Z,1\n2026-13-11T09:00:00Z,2\n");

        var error = Assert.Throws<InvalidDataException>(() => SeriesFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 'timestamp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_rows_or_with_a_missing_column_is_an_error_naming_it()
    {
        var empty = Write("empty.csv", "timestamp,value\n");
        var narrow = Write("narrow.csv", "2026-11-11T08:00:00Z,1\n2026-11-11T09:00:00Z\n");

        Assert.Contains(empty, Assert.Throws<InvalidDataException>(() => SeriesFile.Read(empty)).Message, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => SeriesFile.Read(narrow));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
