namespace ModScope.Common;

/// <summary>Suggests the closest known name for a misspelt one (Levenshtein distance).</summary>
public static class NearMatch
{
    /// <summary>Candidates within a small edit distance, closest first.</summary>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Two edits for a longer name (a third of it beyond six letters); one for a code of up to three letters, where two
        // edits reach every other code ('XX' is two edits from every market code).
        var limit = Math.Max(name.Length <= 3 ? 1 : 2, name.Length / 3);
        var near = candidates
            .Select(c => (Candidate: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit
                || (x.Candidate.Length >= 3 && name.StartsWith(x.Candidate, StringComparison.OrdinalIgnoreCase))
                || (name.Length >= 3 && x.Candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .ToList();
        // The same name in another case is the answer: nothing further off is offered beside it.
        return near.Where(x => x.Distance == 0 || near[0].Distance > 0).Take(max).Select(x => x.Candidate).ToList();
    }

    /// <summary>"; did you mean 'x'?" or an empty string.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var matches = Find(name, candidates);
        return matches.Count == 0 ? "" : $"; did you mean {string.Join(" or ", matches.Select(m => $"'{m}'"))}?";
    }

    /// <summary>Ends a sentence about an unknown name: "; did you mean 'x'?" or a full stop.</summary>
    public static string SuggestOrStop(string name, IEnumerable<string> candidates) =>
        Suggest(name, candidates) is { Length: > 0 } suggestion ? suggestion : ".";

    /// <summary>Levenshtein edit distance.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
