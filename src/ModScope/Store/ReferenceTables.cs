using DuckDB.NET.Data;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>Creates the reference tables and fills them from the shipped reference data.</summary>
internal static class ReferenceTables
{
    public static void Create(DuckDBConnection connection)
    {
        var reference = ReferenceData.Default;
        Migrations.Exec(connection, "CREATE TABLE markets (code VARCHAR NOT NULL, name_en VARCHAR, name_zh VARCHAR, region VARCHAR NOT NULL, language VARCHAR, time_zone VARCHAR NOT NULL)");
        Migrations.Exec(connection, "CREATE TABLE policies (policy_id VARCHAR NOT NULL, parent_id VARCHAR, name_en VARCHAR, name_zh VARCHAR, severity VARCHAR)");
        Migrations.Exec(connection, "CREATE TABLE queues (queue_id VARCHAR NOT NULL, market VARCHAR NOT NULL, object_type VARCHAR NOT NULL, sla_hours DOUBLE NOT NULL, name_en VARCHAR, name_zh VARCHAR)");
        Migrations.Exec(connection, "CREATE TABLE sites (site_id VARCHAR NOT NULL, name VARCHAR, vendor VARCHAR, city VARCHAR, country VARCHAR, time_zone VARCHAR, cost_currency VARCHAR NOT NULL)");

        using (var appender = connection.CreateAppender("markets"))
        {
            foreach (var m in reference.Markets)
            {
                appender.CreateRow().AppendValue(m.Code).AppendValue(m.NameEn).AppendValue(m.NameZh)
                    .AppendValue(m.Region).AppendValue(m.Language).AppendValue(m.TimeZone).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("policies"))
        {
            foreach (var p in reference.Policies)
            {
                appender.CreateRow().AppendValue(p.PolicyId).AppendValue(p.ParentId).AppendValue(p.NameEn)
                    .AppendValue(p.NameZh).AppendValue(p.Severity).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("queues"))
        {
            foreach (var q in reference.Queues)
            {
                appender.CreateRow().AppendValue(q.QueueId).AppendValue(q.Market).AppendValue(q.ObjectType)
                    .AppendValue(q.SlaHours).AppendValue(q.NameEn).AppendValue(q.NameZh).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("sites"))
        {
            foreach (var s in reference.Sites)
            {
                appender.CreateRow().AppendValue(s.SiteId).AppendValue(s.Name).AppendValue(s.Vendor).AppendValue(s.City)
                    .AppendValue(s.Country).AppendValue(s.TimeZone).AppendValue(s.CostCurrency).EndRow();
            }
        }
    }
}
