namespace ModScope.Ingest;

/// <summary>How a load treats its input.</summary>
/// <param name="Strict">Fail the whole load on the first file with a bad row, writing nothing.</param>
/// <param name="AssumeTimeZone">IANA time zone for timestamps that carry no offset; null rejects them.</param>
/// <param name="Table">Force every input into this table instead of inferring it from the file name.</param>
public sealed record IngestOptions(bool Strict = false, string? AssumeTimeZone = null, string? Table = null);
