using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ModScope.Common;

namespace ModScope.Cli;

/// <summary>
/// Rewrites System.CommandLine's "cannot parse ... as expected type 'System.DateOnly'" into what the option
/// accepts (<c>--until: 'tomorrow' is not a date; write it as YYYY-MM-DD</c>), so no .NET type name reaches the user.
/// </summary>
internal static partial class ParseErrorText
{
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)' for (option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\s*as expected type '[^']*'")]
    private static partial Regex ExpectedType();

    public static string Describe(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (CannotParse().Match(error.Message) is not { Success: true } match)
        {
            return ExpectedType().Replace(error.Message, "").ReplaceLineEndings(" ");
        }
        var value = match.Groups["value"].Value;
        var name = match.Groups["name"].Value;
        var type = ValueType(error.SymbolResult);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => Choice(name, value, Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList()),
            _ when type == typeof(DateOnly) => $"{name}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20.",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) =>
                $"{name}: '{value}' is not a date or time; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-11-20.",
            _ when type == typeof(int) || type == typeof(long) => $"{name}: '{value}' is not a whole number.",
            _ when type == typeof(double) || type == typeof(decimal) => $"{name}: '{value}' is not a number; write it like 0.95.",
            _ => $"{name}: '{value}' is not a valid value.",
        };
    }

    private static string Choice(string name, string value, IReadOnlyList<string> names)
    {
        var suggestion = NearMatch.SuggestOrStop(value, names);
        return $"{name}: '{value}' is not one of {string.Join(", ", names)}{suggestion}";
    }

    private static Type? ValueType(SymbolResult? result) => result switch
    {
        ArgumentResult argument => argument.Argument.ValueType,
        OptionResult option => option.Option.ValueType,
        _ => null,
    };
}
