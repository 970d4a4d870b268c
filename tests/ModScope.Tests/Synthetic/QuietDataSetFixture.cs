namespace ModScope.Tests.Synthetic;

/// <summary>The same data set with incidents off, shared by <see cref="QuietDataSetCollection"/>.</summary>
public sealed class QuietDataSetFixture() : DataSetFixture(incidents: false);
