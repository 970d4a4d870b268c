using ModScope.Explain;

namespace ModScope.Tests.Explain;

/// <summary>A synthetic cube and the causes injected into it, each as "a=a1&amp;b=b2" (dimensions in cube order).</summary>
public sealed record InjectedCube(Cube Cube, IReadOnlyList<string> Causes, IReadOnlyList<double> Ratios);
