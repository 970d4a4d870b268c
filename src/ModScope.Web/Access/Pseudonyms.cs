using System.Security.Cryptography;
using System.Text;
using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Web.Access;

/// <summary>
/// Moderator and auditor ids as stable pseudonyms for callers whose role may not see people (viewers): <c>p-</c> and
/// the first 12 hex digits of HMAC-SHA256(key, id), the same id always the same pseudonym under one key. The key is a
/// server secret (<c>ModScope:PseudonymKey[File]</c>, <c>MODSCOPE_PSEUDONYM_KEY[_FILE]</c>); without one a random key
/// is made at start, so pseudonyms stay stable only until the server restarts. A people dimension is a catalogue
/// dimension whose column the event schema marks as a person's (<see cref="ModScope.Model.ColumnSpec.Person"/>) or the
/// source mapping beside the catalogue declares as an extra column with <c>person: true</c> (<see cref="MetricCatalog.PersonColumns"/>).
/// </summary>
internal sealed class Pseudonyms
{
    private readonly byte[] _key;

    public Pseudonyms(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = SecretSource.Read(configuration.GetSection(DashboardOptions.Section), "PseudonymKey", "MODSCOPE_PSEUDONYM_KEY");
        FromStart = secret is null;
        _key = secret is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>True when no key is configured: pseudonyms change when the server restarts.</summary>
    public bool FromStart { get; }

    public string Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id)))[..12];
    }

    /// <summary>The ids of the catalogue's dimensions that name people (<see cref="MetricCatalog.PersonColumns"/>).</summary>
    public static IReadOnlySet<string> PeopleDimensions(MetricCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.PeopleDimensions;
    }

    /// <summary>The results with each people dimension's value replaced by its pseudonym.</summary>
    public IReadOnlyList<MetricResult> Hide(IReadOnlyList<MetricResult> results, MetricCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(results);
        var people = PeopleDimensions(catalog);
        if (results.Count == 0 || !results[0].Dimensions.Keys.Any(people.Contains))
        {
            return results;
        }
        return results.Select(r => r with
        {
            Dimensions = r.Dimensions.ToDictionary(d => d.Key, d => people.Contains(d.Key) && d.Value is { } id ? Of(id) : d.Value, StringComparer.Ordinal),
        }).ToList();
    }
}
