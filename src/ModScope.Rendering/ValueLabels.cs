using ScottPlot;
using SkiaSharp;

namespace ModScope.Rendering;

/// <summary>
/// A value axis's tick labels, each centred on its gridline. ScottPlot centres a label's line box (the font's ascent
/// and descent), not its ink, so with Noto CJK and DejaVu the digits sat about eight pixels above their gridlines. So
/// ScottPlot lays the labels out invisibly (keeping their room) and they are drawn after it, each one's ink centred on
/// its tick's pixel row.
/// </summary>
internal sealed class ValueLabels(IReadOnlyList<double> ticks, IReadOnlyList<string> labels)
{
    /// <summary>Sets the ticks and gridlines on the plot's left axis, with labels that take their room but draw nothing.</summary>
    public void Prepare(Plot plot)
    {
        plot.Axes.Left.SetTicks([.. ticks], [.. labels]);
        plot.Axes.Left.TickLabelStyle.ForeColor = Colors.Transparent;
    }

    /// <summary>Renders the plot and draws the labels right-aligned left of the tick marks, ink centred on each tick.</summary>
    public byte[] Render(Plot plot, int width, int height)
    {
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        var style = plot.Axes.Left.TickLabelStyle;
        using var bitmap = SKBitmap.Decode(png);
        using var canvas = new SKCanvas(bitmap);
        using var font = new SKFont(Fonts.GetTypeface(style.FontName, style.Bold, false), style.FontSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var right = plot.LastRender.DataRect.Left - plot.Axes.Left.MajorTickStyle.Length - 3;
        for (var i = 0; i < ticks.Count; i++)
        {
            var row = plot.GetPixel(new Coordinates(0, ticks[i])).Y;
            font.MeasureText(labels[i], out var bounds);
            canvas.DrawText(labels[i], right, row - (bounds.Top + bounds.Bottom) / 2, SKTextAlign.Right, font, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
