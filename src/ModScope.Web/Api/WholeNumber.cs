using System.Globalization;
using ModScope.Common;

namespace ModScope.Web.Api;

/// <summary>A query parameter that is a whole number in a range, read from its text so a bad value is a 400 naming it.</summary>
internal static class WholeNumber
{
    /// <summary>A whole number between <paramref name="least"/> and <paramref name="most"/>, null when not given; else a 400 naming the parameter.</summary>
    public static int? Parse(string name, string? text, int least, int most)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least && n <= most
            ? n
            : throw new BadParameterException(name, $"a whole number between {least} and {most}, not '{text}'.",
                int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? ProblemReason.Range("whole number", text, $"{least}..{most}") : ProblemReason.Format("whole number", text));
    }
}
