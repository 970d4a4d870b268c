using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using ScottPlot;
using SkiaSharp;

namespace ModScope.Rendering;

/// <summary>
/// Draws a headline metric the way a weekly business review does: the trailing weeks (left) and the trailing months
/// (right) side by side, each with the target as a dashed red line (named in the title), into one PNG. Shares are drawn in percent.
/// </summary>
public sealed class ChartRenderer : IChartRenderer
{
    public int PanelWidth { get; init; } = 520;
    public int PanelHeight { get; init; } = 300;

    public byte[] Render(ChartSpec chart, ReportFormatter format, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(text);
        var weeks = Panel(chart, chart.Weekly, text.Fill("chart.weeks", Count(chart.Weekly.Count, text)),
            b => format.Week(DateOnly.FromDateTime(b), shortForm: true), format, text);
        var months = Panel(chart, chart.Monthly, text.Fill("chart.months", Count(chart.Monthly.Count, text)),
            b => format.Month(b, shortForm: true), format, text);
        return SideBySide(weeks, months);
    }

    private static Dictionary<string, string> Count(int n, ReportText text) => new() { ["n"] = n.ToString(text.Culture) };

    private byte[] Panel(ChartSpec chart, IReadOnlyList<(DateTime Bucket, double Value)> points, string subtitle, Func<DateTime, string> label,
        ReportFormatter format, ReportText text)
    {
        var plot = new Plot();
        if (CjkFont.Family is { } family)
        {
            plot.Font.Set(family);
        }
        var percent = format.Value(chart.Metric, 0.5).EndsWith('%');
        double Scale(double v) => percent ? v * 100 : v;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var ys = points.Select(p => Scale(p.Value)).ToArray();
        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.Color = new Color(31, 119, 180);
            plot.Axes.Bottom.SetTicks(xs, points.Select(p => label(p.Bucket)).ToArray());
        }
        if (chart.Target is { } target)
        {
            var goal = plot.Add.HorizontalLine(Scale(target));
            goal.LinePattern = LinePattern.Dashed;
            goal.LineWidth = 1.5f;
            goal.Color = new Color(214, 39, 40);
        }
        var goalText = chart.Target is { } t ? $" · {text["chart.target"]} {format.Value(chart.Metric, t)}" : "";
        plot.Title($"{format.Format(FactArg.Name(chart.Metric))} · {subtitle}{goalText}", size: 14);
        if (percent)
        {
            plot.Axes.Left.Label.Text = "%";
        }
        return plot.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png);
    }

    private byte[] SideBySide(byte[] left, byte[] right)
    {
        using var a = SKBitmap.Decode(left);
        using var b = SKBitmap.Decode(right);
        using var surface = SKSurface.Create(new SKImageInfo(a.Width + b.Width, Math.Max(a.Height, b.Height)));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawBitmap(a, 0, 0);
        surface.Canvas.DrawBitmap(b, a.Width, 0);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
