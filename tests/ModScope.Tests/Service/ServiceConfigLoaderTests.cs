using ModScope.Service;

namespace ModScope.Tests.Service;

/// <summary><c>modscope.yaml</c>: a good one read whole; a bad one refused with every problem's file, line and field.</summary>
public sealed class ServiceConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_watch_folder_and_a_schedule_are_read_with_the_folder_relative_to_the_file()
    {
        var path = Write("""
            watch:
              folder: landing
              ready: done_marker
              stable_seconds: 5
              monitor_days: 3
            schedules:
              - name: morning monitor
                cron: "0 7 * * *"
                time_zone: Asia/Singapore
                job: monitor
            """);

        var config = ServiceConfigLoader.Load(path);

        Assert.Equal(new WatchSettings(Path.Combine(_dir, "landing"), FileReadiness.DoneMarker, TimeSpan.FromSeconds(5), true, 3), config.Watch);
        var job = Assert.Single(config.Schedules);
        Assert.Equal(("morning monitor", "monitor"), (job.Name, job.Job));
        // 00:00 UTC on 7 Dec is 08:00 in Singapore (UTC+8, no daylight saving): the next 07:00 there is 8 Dec, 23:00 UTC on the 7th.
        Assert.Equal(new DateTime(2026, 12, 7, 23, 0, 0, DateTimeKind.Utc), job.Next(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_and_field()
    {
        var path = Write("""
            watch:
              folder: landing
              ready: when_done
              stable_secs: 5
            schedules:
              - name: nightly
                cron: "0 25 * * *"
                time_zone: Mars/Olympus
                job: monitr
            channels:
              mail: {type: smtp, port: 70000, from: not-an-address}
            subscriptions:
              - name: weekly
                channel: mails
                report: {audience: regional}
                when: mondays
            """);

        var error = Assert.Throws<ServiceConfigException>(() => ServiceConfigLoader.Load(path));

        var found = error.Issues.Select(i => (i.Line, i.Field)).Order().ToList();
        Assert.Equal([(3, "watch.ready"), (4, "watch.stable_secs"), (7, "schedules[0].cron"), (8, "schedules[0].time_zone"), (9, "schedules[0].job"),
            (11, "channels.mail.from"), (11, "channels.mail.host"), (11, "channels.mail.port"),
            (14, "subscriptions[0].channel"), (15, "subscriptions[0].report.region"), (16, "subscriptions[0].when")], found);
        Assert.All(error.Issues, i => Assert.Equal(path, i.File));
        Assert.Contains("did you mean 'stable_seconds'", error.Issues.Single(i => i.Field == "watch.stable_secs").Message, StringComparison.Ordinal);
        Assert.Contains("no channel is named 'mails'", error.Issues.Single(i => i.Field == "subscriptions[0].channel").Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, ServiceConfigLoader.FileName);
        File.WriteAllText(path, yaml);
        return path;
    }
}
