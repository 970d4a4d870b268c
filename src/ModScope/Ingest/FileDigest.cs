namespace ModScope.Ingest;

/// <summary>
/// What one read of a file's bytes tells: its SHA-256 (the file's identity) and how many lines it has
/// (line ends <c>\n</c>, <c>\r\n</c> or <c>\r</c>, plus an unterminated last line), or null when the bytes
/// are compressed. Every row DuckDB reads or rejects takes at least one line, so the count bounds the rows.
/// </summary>
internal sealed record FileDigest(string Sha256, long? Lines);
