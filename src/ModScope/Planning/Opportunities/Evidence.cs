namespace ModScope.Planning.Opportunities;

/// <summary>
/// One fact behind an opportunity, as data: a key naming what it is (rendered into words per language by the
/// caller), a number and/or a text (a day, a stratum, a list of queues), and optionally what it is about.
/// </summary>
public sealed record Evidence(string Key, double? Value = null, string? Text = null, string? About = null);
