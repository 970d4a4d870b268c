using ScottPlot;
using SkiaSharp;

namespace ModScope.Rendering;

/// <summary>
/// The font charts draw with: Noto Sans CJK SC from Debian's fonts-noto-cjk (face 2 of the collection), so Chinese
/// renders as characters, not boxes; ScottPlot's default font when the file is absent (Latin text still renders).
/// </summary>
internal sealed class CjkFont : IFontResolver
{
    public const string Name = "Noto Sans CJK SC";

    private static readonly string[] Files =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lazy<string?> Registered = new(() =>
    {
        var path = Files.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }
        Fonts.FontResolvers.Add(new CjkFont(path));
        return Name;
    });

    private readonly string _path;

    private CjkFont(string path) => _path = path;

    /// <summary>The font name to set on plots (registered once), or null when no CJK font is installed.</summary>
    public static string? Family => Registered.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Name ? SKTypeface.FromFile(_path, 2) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Name ? SKTypeface.FromFile(_path, 2) : null;
}
