using System.Globalization;
using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>One simulated decision, with its hidden truth (<see cref="Error"/>).</summary>
internal sealed class SimDecision
{
    /// <summary>Stable id from the creation date and sequence, e.g. <c>D20260824-000001</c> (formatted on demand).</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"D{CreatedDate:yyyyMMdd}-{Sequence:D6}");

    public required int CreatedDay { get; init; }

    public required DateOnly CreatedDate { get; init; }

    /// <summary>Order of creation within the created day (1-based), part of the id.</summary>
    public int Sequence { get; set; }

    public required ObjectProfile Object { get; init; }

    /// <summary>Numeric part of the object id; the file shows it behind the object type's prefix.</summary>
    public required long ObjectNumber { get; init; }

    public string ObjectId => string.Create(CultureInfo.InvariantCulture, $"{Object.IdPrefix}{ObjectNumber}");

    public required MarketProfile Market { get; init; }

    public required Queue Queue { get; init; }

    public required PolicyProfile Policy { get; init; }

    public required SourceProfile Source { get; init; }

    public required bool Automated { get; init; }

    /// <summary>The site a human decision is routed to; null when automated.</summary>
    public SiteProfile? Site { get; init; }

    /// <summary>Assigned when the decision's day is written, from that day's roster.</summary>
    public string? ModeratorId { get; set; }

    public required string Verdict { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime DecidedAt { get; init; }

    public required double HandlingSeconds { get; init; }

    public required LatentError Error { get; init; }

    public bool IsEnforcement => Verdict != Verdicts.Approve;
}
