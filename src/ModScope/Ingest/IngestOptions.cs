using System.Text.Json.Serialization;
using ModScope.Sources;

namespace ModScope.Ingest;

/// <summary>How a load treats its input.</summary>
/// <param name="Strict">Fail the whole load on the first file with a bad row or an unreadable file, writing nothing.</param>
/// <param name="AssumeTimeZone">IANA time zone for timestamps that carry no offset; null rejects them.</param>
/// <param name="Table">Force every input into this table instead of inferring it from the file name.</param>
/// <param name="Earliest">Timestamps and dates before this (UTC) are quarantined; null means <see cref="DefaultEarliest"/>.</param>
/// <param name="Latest">Timestamps and dates after this (UTC) are quarantined; null means one day after the load starts.</param>
/// <param name="Mapping">How the producer's files differ from ours (column names, values, timestamps, extra columns); null: as shipped.</param>
/// <param name="WaitForReferences">A row naming a code not loaded (a decision's or staffing row's market, queue, policy or site;
/// a queue's market, a policy's parent, a target's market, region, site, queue or policy) waits as pending until a later load brings
/// the code; false quarantines it as <c>unknown_reference</c> (<c>contract check</c>, which keeps nothing).</param>
/// <param name="MetricIds">The metric ids a targets file's <c>metric</c> may name (the catalogue's); null: only their form is checked.</param>
public sealed record IngestOptions(bool Strict = false, string? AssumeTimeZone = null, string? Table = null,
    DateTime? Earliest = null, DateTime? Latest = null, [property: JsonIgnore] SourceMapping? Mapping = null, bool WaitForReferences = true,
    [property: JsonIgnore] IReadOnlyList<string>? MetricIds = null)
{
    /// <summary>Whether a row of <paramref name="table"/> naming a code not loaded waits as pending rather than being quarantined.</summary>
    public bool Waits(Model.TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.WaitsForReferences && WaitForReferences;
    }

    /// <summary>The mapping file used (recorded with the load), or null.</summary>
    public string? MappingFile => Mapping is null || Mapping == SourceMapping.None ? null : Mapping.File;

    /// <summary>The default start of the accepted window: no moderation data predates it.</summary>
    public static readonly DateTime DefaultEarliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The accepted window for a load started at <paramref name="now"/> (UTC).</summary>
    public (DateTime Earliest, DateTime Latest) Window(DateTime now) => (Earliest ?? DefaultEarliest, Latest ?? now.AddDays(1));
}
