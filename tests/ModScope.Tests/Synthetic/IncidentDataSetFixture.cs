namespace ModScope.Tests.Synthetic;

/// <summary>The default data set with its planted incidents, shared by <see cref="IncidentDataSetCollection"/>.</summary>
public sealed class IncidentDataSetFixture() : DataSetFixture(incidents: true);
