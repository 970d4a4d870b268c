using System.Text.RegularExpressions;
using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>
/// The catalogue's <c>reporting_currency</c> (an ISO 4217 code; default USD): costs are converted into it, and a metric's
/// name, description and unit say it where they write <c>{currency}</c>.
/// </summary>
internal static partial class ReportingCurrency
{
    public const string Default = "USD";

    private const string Placeholder = "{currency}";

    /// <summary>The root's <c>reporting_currency</c>, or the default; a code that is not three capital letters is an issue.</summary>
    public static string Read(YamlReader reader, YamlMappingNode root)
    {
        var code = reader.Text(root, "reporting_currency", "(root)", required: false);
        if (code is null)
        {
            return Default;
        }
        if (!Code().IsMatch(code))
        {
            reader.Problem(root, "reporting_currency", $"'{code}' is not a three-letter ISO 4217 code such as USD");
            return Default;
        }
        return code;
    }

    /// <summary>The metric with <c>{currency}</c> in its name, description and unit replaced by the code.</summary>
    public static MetricDefinition Name(MetricDefinition metric, string currency) => metric with
    {
        Name = new Bilingual(metric.Name.En.Replace(Placeholder, currency, StringComparison.Ordinal), metric.Name.ZhHans.Replace(Placeholder, currency, StringComparison.Ordinal)),
        Description = new Bilingual(metric.Description.En.Replace(Placeholder, currency, StringComparison.Ordinal),
            metric.Description.ZhHans.Replace(Placeholder, currency, StringComparison.Ordinal)),
        Unit = metric.Unit.Replace(Placeholder, currency, StringComparison.Ordinal),
        Currency = metric.Format == ValueFormat.Currency ? currency : null,
    };

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Code();
}
