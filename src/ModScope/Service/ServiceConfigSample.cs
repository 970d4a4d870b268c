namespace ModScope.Service;

/// <summary>
/// The sample <c>modscope.yaml</c> that <c>modscope demo</c> writes beside its store as <see cref="FileName"/> (not
/// <see cref="ServiceConfigLoader.FileName"/>, so serving the demo does not start sending to example.com): the
/// README's "Run it for a team" configuration, valid as it stands.
/// </summary>
public static class ServiceConfigSample
{
    /// <summary>The sample's name beside the demo's store.</summary>
    public const string FileName = "modscope.sample.yaml";

    /// <summary>The sample's text.</summary>
    public const string Text = """
        # A sample service configuration for `modscope serve` (written by `modscope demo`; see README "Run it for a team").
        # Rename it to modscope.yaml beside the store (or pass serve --config FILE), and put your own hosts and addresses in.
        watch:
          folder: landing            # relative to this file; created if missing
          ready: stable_size         # or done_marker: load NAME once NAME.done is beside it
          stable_seconds: 30         # stable_size: unchanged size and time for this long
          monitor_after_load: true   # then run the monitor...
          monitor_days: 7            # ...over the data's last 7 days up to its newest complete day
        schedules:
          - name: morning monitor
            cron: "0 7 * * *"        # Cronos: five fields, or six with seconds
            time_zone: Asia/Singapore
            job: monitor             # or send: only deliver the subscriptions that name it
          - {name: monday review, cron: "0 8 * * 1", time_zone: Asia/Singapore, job: send}
        channels:
          team-mail:
            type: smtp
            host: smtp.example.com
            port: 587
            from: modscope@example.com
            tls: starttls            # none, starttls, tls (from the first byte, port 465) or auto
            user_env: MODSCOPE_SMTP_USER          # credentials are read from these environment variables at each send
            password_env: MODSCOPE_SMTP_PASSWORD
          ops-hook:
            type: webhook
            url: https://hooks.example.com/modscope
            secret_env: MODSCOPE_WEBHOOK_SECRET   # signs each body (see below); no secret: unsigned
            shape: plain             # or slack ({"text": …}) or teams (a MessageCard)
        subscriptions:
          - name: sea weekly review
            channel: team-mail
            to: [sea-lead@example.com]
            language: zh-Hans
            report: {audience: regional, region: SEA, format: pdf, period: last-week}
            when: monday review      # a schedule's name, or after_monitor (the default)
          - name: critical quality alerts
            channel: ops-hook
            alerts: {metrics: [qa_accuracy, appeal_overturn_rate], segments: ["region=SEA"], severity: critical}
            when: after_monitor
          - {name: data health, channel: ops-hook, data_health: {}}
        owners:                      # the first entry that matches an alert owns it
          - {owner: sea-quality, metrics: [qa_accuracy], segments: ["region=SEA"], channel: team-mail, to: sea-quality@example.com}
        delivery: {max_attempts: 6, first_retry_seconds: 30, max_wait_seconds: 3600, channel_alert_after: 3}
        """;
}
