// Types with deliberately wrong arrows, so the tests can show that each check catches one. Nothing else uses them.
#pragma warning disable CA1812, CA1822, CA1852

namespace ModScope.Architecture.Tests.Planted.Query
{
    /// <summary>A port that names its implementation: Query → Engines, the cycle the engine port once made.</summary>
    internal sealed class Port
    {
        public Engines.Engine? Implementation { get; init; }
    }
}

namespace ModScope.Architecture.Tests.Planted.Engines
{
    internal sealed class Engine
    {
        public Query.Port Serves() => new();
    }
}

namespace ModScope.Architecture.Tests.Planted.Explain
{
    /// <summary>A pure search that reaches into the monitor inside a method body only (no field or signature names it).</summary>
    internal sealed class Search
    {
        public string Find() => new Monitor.Runner().ToString() ?? "";
    }
}

namespace ModScope.Architecture.Tests.Planted.Monitor
{
    internal sealed class Runner
    {
        public Explain.Search Explainer { get; } = new();
    }
}

namespace ModScope.Architecture.Tests.Planted.Reports
{
    /// <summary>A report that writes the monitor's state.</summary>
    internal sealed class Writer
    {
        public void Save(Monitor.Runner runner) => _ = runner.Explainer;
    }
}
