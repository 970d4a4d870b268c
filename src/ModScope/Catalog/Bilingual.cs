namespace ModScope.Catalog;

/// <summary>Text people read, in English and Simplified Chinese.</summary>
public sealed record Bilingual(string En, string ZhHans)
{
    /// <summary>The text for a language tag (<c>en</c>, <c>zh-Hans</c>, <c>zh</c>, <c>zh-CN</c>); English otherwise.</summary>
    public string In(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhHans : En;
}
