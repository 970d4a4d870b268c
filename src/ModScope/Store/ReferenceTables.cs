using DuckDB.NET.Data;
using ModScope.Model;

namespace ModScope.Store;

/// <summary>
/// Fills the reference tables (created by migration 1's frozen SQL) from the shipped reference data: part of migration 1,
/// so its columns are the ones that migration created, in that order. This seeds a new store; afterwards its reference
/// data is its own (loaded from files, with history), and nothing reads the shipped copy again.
/// </summary>
internal static class ReferenceTables
{
    // Migration 1's seed: the columns migration 1 created (sites' name_zh came with migration 14, which seeds it).
    public static void Seed(DuckDBConnection connection)
    {
        var reference = ReferenceData.Shipped;

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

    /// <summary>
    /// Migration 14's seed: the shipped Chinese names of the sites a store was seeded with (file 0, still under their
    /// shipped English name); rows a file loaded keep the name_zh it gave (none before migration 14).
    /// </summary>
    public static void SeedSiteNamesZh(DuckDBConnection connection)
    {
        foreach (var s in ReferenceData.Shipped.Sites.Where(s => s.NameZh.Length > 0))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sites SET name_zh = $zh WHERE site_id = $id AND name = $name AND file_id = 0";
            command.Parameters.Add(new DuckDBParameter("zh", s.NameZh));
            command.Parameters.Add(new DuckDBParameter("id", s.SiteId));
            command.Parameters.Add(new DuckDBParameter("name", s.Name));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Migration 12's seed: the shipped regions' names, valid from the start of time, of file 0 line 0.</summary>
    public static void SeedRegions(DuckDBConnection connection)
    {
        using var appender = connection.CreateAppender("regions");
        foreach (var r in ReferenceData.Shipped.RegionNames)
        {
            appender.CreateRow().AppendValue(r.Code).AppendValue(r.NameEn).AppendValue(r.NameZh).AppendValue(r.ValidFrom).AppendValue(0L).AppendValue(0L).EndRow();
        }
    }
}
