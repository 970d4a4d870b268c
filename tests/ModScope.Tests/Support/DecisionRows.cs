using System.Globalization;

namespace ModScope.Tests.Support;

/// <summary>Hand-written, valid event rows for ingest tests; each test breaks one of them on purpose.</summary>
public static class DecisionRows
{
    public const string Header =
        "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds,version";

    public const string AuditHeader =
        "audit_id,decision_id,auditor_id,audited_at,stratum,stratum_population,stratum_sample_size,qa_verdict,qa_policy_id,error_type";

    /// <summary>The headers of reference files (markets and queues with history by <c>valid_from</c>, sites without).</summary>
    public const string MarketHeader = "code,name_en,name_zh,region,language,time_zone,valid_from";

    public const string QueueHeader = "queue_id,market,object_type,sla_hours,name_en,name_zh,valid_from";

    public const string SiteHeader = "site_id,name,vendor,city,country,time_zone,cost_currency";

    /// <summary>A valid human decision with id <c>D{n}</c>.</summary>
    public static string Valid(int n, int version = 1) =>
        string.Create(CultureInfo.InvariantCulture,
            $"D{n},listing,L{n},US,US-prelisting,counterfeit,proactive_model,human,AUS-INHOUSE-m001,AUS-INHOUSE,remove,en,2026-08-24T10:00:00Z,2026-08-24T11:{n % 60:00}:00Z,{40 + n}.5,{version}");

    /// <summary>A valid automated decision (no moderator, no site).</summary>
    public static string ValidAutomated(int n) =>
        string.Create(CultureInfo.InvariantCulture,
            $"D{n},product,P{n},ID,ID-patrol,weapons,user_report,automated,,,approve,id,2026-08-24T01:00:00+07:00,2026-08-24T01:00:03+07:00,0,1");

    /// <summary>A valid decision with one field replaced.</summary>
    public static string With(int n, string field, string value)
    {
        var names = Header.Split(',');
        var values = Valid(n).Split(',');
        values[Array.IndexOf(names, field)] = value;
        return string.Join(',', values);
    }

    public static string Audit(string auditId, string decisionId) =>
        $"{auditId},{decisionId},QA-01,2026-08-25T09:00:00Z,2026-08-24|AUS-INHOUSE|enforce,120,30,remove,counterfeit,none";

    /// <summary>Writes a CSV file with a header and the given rows, each ended by '\n'.</summary>
    public static string WriteCsv(string path, string header, IEnumerable<string> rows)
    {
        File.WriteAllText(path, header + "\n" + string.Concat(rows.Select(r => r + "\n")));
        return path;
    }
}
