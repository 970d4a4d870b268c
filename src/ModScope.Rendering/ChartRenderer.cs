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
            BottomTicks(plot, points.Select(p => label(p.Bucket)).ToArray());
        }
        if (chart.Target is { } target)
        {
            var goal = plot.Add.HorizontalLine(Scale(target));
            goal.LinePattern = LinePattern.Dashed;
            goal.LineWidth = 1.5f;
            goal.Color = new Color(214, 39, 40);
        }
        var valueLabels = LeftTicks(plot, [.. ys, .. chart.Target is { } g ? [Scale(g)] : Array.Empty<double>()], text);
        var goalText = chart.Target is { } t ? $" · {text["chart.target"]} {format.Value(chart.Metric, t)}" : "";
        plot.Title($"{format.Format(FactArg.Name(chart.Metric))} · {subtitle}{goalText}", size: 14);
        if (percent)
        {
            plot.Axes.Left.Label.Text = "%";
        }
        return valueLabels is null ? plot.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png) : valueLabels.Render(plot, PanelWidth, PanelHeight);
    }

    /// <summary>
    /// Value ticks at nice steps enclosing the values and the target, just inside the axis's ends, each label centred
    /// on its gridline (<see cref="ValueLabels"/>).
    /// </summary>
    private static ValueLabels? LeftTicks(Plot plot, double[] values, ReportText text)
    {
        if (values.Length == 0)
        {
            return null;
        }
        var ticks = AxisTicks.Nice(values.Min(), values.Max());
        var digits = "F" + AxisTicks.Decimals(ticks).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var labels = new ValueLabels(ticks, [.. ticks.Select(v => v.ToString(digits, text.Culture))]);
        labels.Prepare(plot);
        // A little room past the outer gridlines, so a value or target on one is not hidden by the frame.
        var margin = (ticks[^1] - ticks[0]) * 0.04;
        plot.Axes.SetLimitsY(ticks[0] - margin, ticks[^1] + margin);
        return labels;
    }

    /// <summary>A label (and gridline) on every point, or on every n-th when the widest label would overlap its neighbours.</summary>
    private void BottomTicks(Plot plot, string[] labels)
    {
        var style = plot.Axes.Bottom.TickLabelStyle;
        using var paint = Paint.NewDisposablePaint();
        var widest = labels.Max(l => style.Measure(l, paint).Width);
        // The data area is the panel less the value axis and margins (about 70 px).
        var stride = AxisTicks.Stride(labels.Length, widest, PanelWidth - 70);
        var shown = Enumerable.Range(0, labels.Length).Where(i => (labels.Length - 1 - i) % stride == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. shown.Select(i => (double)i)], [.. shown.Select(i => labels[i])]);
        plot.Axes.SetLimitsX(-0.5, labels.Length - 0.5);
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
