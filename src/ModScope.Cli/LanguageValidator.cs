using System.CommandLine;

namespace ModScope.Cli;

/// <summary>Refuses a <c>--lang</c> other than the languages the resources hold, instead of silently writing English.</summary>
internal static class LanguageValidator
{
    public static readonly IReadOnlyList<string> Languages = ["en", "zh-Hans"];

    public static Option<string> Validated(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && !Languages.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: '{value}' is not a language of ModScope; use en or zh-Hans.");
            }
        });
        return option;
    }
}
