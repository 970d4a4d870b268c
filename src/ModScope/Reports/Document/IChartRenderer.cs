using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Reports.Document;

/// <summary>
/// Draws one chart of a storyline as a PNG: the port the composer calls. The core library draws nothing itself;
/// <c>ModScope.Rendering</c> implements it with ScottPlot, and a document composed without one has no charts.
/// </summary>
public interface IChartRenderer
{
    byte[] Render(ChartSpec chart, ReportFormatter format, ReportText text);
}
