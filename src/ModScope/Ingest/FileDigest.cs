namespace ModScope.Ingest;

/// <summary>
/// What one read of a file's bytes tells: its SHA-256 (the file's identity) and how many lines it has
/// (line ends <c>\n</c>, <c>\r\n</c> or <c>\r</c>, plus an unterminated last line), or null when the bytes
/// are compressed. Every row DuckDB reads or rejects takes at least one line, so the count bounds the rows.
/// <see cref="ValidUtf8"/>: the (uncompressed) bytes are valid UTF-8 throughout, so no column of any row can be
/// rejected for its encoding.
/// </summary>
internal sealed record FileDigest(string Sha256, long? Lines, bool ValidUtf8);
