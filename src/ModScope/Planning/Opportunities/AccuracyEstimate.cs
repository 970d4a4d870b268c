namespace ModScope.Planning.Opportunities;

/// <summary>
/// A QA accuracy from the stratified sample: the weighted estimate and Kish's effective number of audits behind it
/// (the simple-random-sample size with the same variance), so the design's weights are not mistaken for evidence.
/// </summary>
public sealed record AccuracyEstimate(double Value, double EffectiveAudits);
