namespace ModScope.Synthetic;

/// <summary>
/// What is actually wrong with a decision (unknown to the data's consumers): QA audits reveal it and
/// it drives appeal outcomes.
/// </summary>
internal enum LatentError
{
    None,
    FalsePositive,
    FalseNegative,
    WrongPolicy,
    WrongAction,
    Technical,
}
