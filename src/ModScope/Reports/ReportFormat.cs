namespace ModScope.Reports;

/// <summary>What a report is written as.</summary>
public enum ReportFormat
{
    Html,
    Md,
    Pdf,
    Xlsx,
}
