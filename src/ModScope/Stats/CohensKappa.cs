namespace ModScope.Stats;

/// <summary>Cohen's (1960) kappa for two raters over nominal categories, e.g. moderator vs QA verdict.</summary>
public static class CohensKappa
{
    /// <summary>Kappa from one (rater A, rater B) label pair per item; labels compare ordinally.</summary>
    public static KappaEstimate Compute(IReadOnlyList<(string A, string B)> pairs, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var cells = pairs
            .GroupBy(p => (p.A, p.B))
            .Select(g => (g.Key.A, g.Key.B, Count: (long)g.Count()))
            .ToList();
        return FromCounts(cells, confidence);
    }

    /// <summary>
    /// Kappa from the agreement table as (A's label, B's label, item count) cells, e.g. a GROUP BY result.
    /// P_e = Σ_k p_A,k · p_B,k (DOMAIN.md 1.8). Standard error: the large-sample (non-null) variance of
    /// Fleiss, Cohen &amp; Everitt (1969), as given in Fleiss, Levin &amp; Paik (2003, ch. 18):
    /// Var(κ̂) = [Σ_i p_ii((1−P_e) − (p_i· + p_·i)(1−P_o))² + (1−P_o)² Σ_{i≠j} p_ij(p_·i + p_j·)²
    ///           − (P_o P_e − 2P_e + P_o)²] / (n (1−P_e)⁴),
    /// with p_i· the share A gave category i and p_·i the share B gave it. Interval: κ ± z·SE.
    /// When P_e = 1 (hence P_o = 1) κ is 0/0 and is returned as null.
    /// </summary>
    public static KappaEstimate FromCounts(IReadOnlyList<(string A, string B, long Count)> cells, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var z = Critical.TwoSidedZ(confidence);
        if (cells.Any(c => c.Count < 0 || c.A is null || c.B is null))
        {
            throw new ArgumentException("Every cell needs two labels and a count that is not negative.", nameof(cells));
        }

        var n = cells.Sum(c => c.Count);
        if (n == 0)
        {
            throw new ArgumentException("Kappa needs at least one rated item.", nameof(cells));
        }

        var table = new Dictionary<(string, string), double>();
        var rowShare = new Dictionary<string, double>(StringComparer.Ordinal);
        var columnShare = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (a, b, count) in cells.Where(c => c.Count > 0))
        {
            var share = (double)count / n;
            table[(a, b)] = table.GetValueOrDefault((a, b)) + share;
            rowShare[a] = rowShare.GetValueOrDefault(a) + share;
            columnShare[b] = columnShare.GetValueOrDefault(b) + share;
        }

        var categories = rowShare.Keys.Union(columnShare.Keys, StringComparer.Ordinal).ToList();
        double Row(string k) => rowShare.GetValueOrDefault(k);
        double Column(string k) => columnShare.GetValueOrDefault(k);
        var observed = categories.Sum(k => table.GetValueOrDefault((k, k)));
        var expected = categories.Sum(k => Row(k) * Column(k));
        if (expected >= 1.0 - 1e-12)
        {
            return new KappaEstimate(null, observed, expected, null, null, n, categories.Count);
        }

        var kappa = (observed - expected) / (1.0 - expected);
        var diagonal = categories.Sum(i =>
            table.GetValueOrDefault((i, i)) * Square((1.0 - expected) - ((Row(i) + Column(i)) * (1.0 - observed))));
        var offDiagonal = table.Where(c => !string.Equals(c.Key.Item1, c.Key.Item2, StringComparison.Ordinal))
            .Sum(c => c.Value * Square(Column(c.Key.Item1) + Row(c.Key.Item2)));
        var variance = (diagonal + (Square(1.0 - observed) * offDiagonal) - Square((observed * expected) - (2.0 * expected) + observed))
            / (n * Math.Pow(1.0 - expected, 4));
        var se = Math.Sqrt(Math.Max(0.0, variance));
        var interval = new Interval(Math.Max(-1.0, kappa - (z * se)), Math.Min(1.0, kappa + (z * se)), confidence, "normal, Fleiss–Cohen–Everitt SE");
        return new KappaEstimate(kappa, observed, expected, se, interval, n, categories.Count);
    }

    private static double Square(double x) => x * x;
}
