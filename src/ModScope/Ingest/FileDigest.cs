namespace ModScope.Ingest;

/// <summary>
/// What one read of a file's bytes tells (see <see cref="ByteCounter"/>): its SHA-256 (the file's identity), how many
/// lines its (uncompressed) text has — every row DuckDB reads or rejects takes at least one, so the count bounds the
/// rows — and whether it is valid UTF-8 throughout (so no column of any row can be rejected for its encoding).
/// </summary>
/// <param name="Lines">Line count, null when unknown.</param>
/// <param name="MixedLineEnds">The text mixes <c>\n</c>, <c>\r\n</c> and lone <c>\r</c> line ends; it is read through a copy with <c>\n</c> only.</param>
/// <param name="MayHoldControls">Some value may hold a control character, so the rule against them must run.</param>
/// <param name="Problem">Why the file cannot be read at all (a corrupt or truncated gzip), or null.</param>
internal sealed record FileDigest(string Sha256, long? Lines, bool ValidUtf8, bool MixedLineEnds = false, bool MayHoldControls = true, string? Problem = null);
