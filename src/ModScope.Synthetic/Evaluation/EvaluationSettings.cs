namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// What <c>modscope eval</c> generates and judges: one data set with incidents per seed (and a quiet one without),
/// <see cref="Days"/> long, the monitor judging all but the first <see cref="WarmUpDays"/> (its history).
/// </summary>
public sealed record EvaluationSettings(IReadOnlyList<int> Seeds, int Days = 90, int DecisionsPerDay = 20000, bool Quiet = true, int WarmUpDays = 35);
