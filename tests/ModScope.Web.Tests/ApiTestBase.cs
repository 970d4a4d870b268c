using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModScope.Engines;
using ModScope.Query;

namespace ModScope.Web.Tests;

/// <summary>
/// A test server on the shared store, and the library's own answer to the same request (a <see cref="MetricQuery"/> of
/// the tests' own on the same store) to compare the API with.
/// </summary>
public abstract class ApiTestBase : IDisposable
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly DuckDbEngine _engine;

    protected ApiTestBase(DashboardStore store)
    {
        Store = store;
        Factory = new DashboardFactory(store);
        Client = Factory.CreateClient();
        _engine = new DuckDbEngine(Factory.Services.GetRequiredService<Dashboard>().Store);
        Query = new MetricQuery(store.Catalog, _engine);
    }

    protected DashboardStore Store { get; }
    protected DashboardFactory Factory { get; }
    protected HttpClient Client { get; }
    protected MetricQuery Query { get; }

    protected Period LastFullWeek => PeriodParser.Parse("last full week", "UTC", Store.DataEnd);

    protected Task<JsonElement> GetJson(string url) => Client.GetFromJsonAsync<JsonElement>(url, Json);

    /// <summary>A number the store answers to a hand-written SQL query.</summary>
    protected double Scalar(string sql)
    {
        using var connection = Factory.Services.GetRequiredService<Dashboard>().Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A text the store answers to a hand-written SQL query.</summary>
    protected string Text(string sql)
    {
        using var connection = Factory.Services.GetRequiredService<Dashboard>().Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    protected static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    protected static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } x && actual is { } y)
        {
            Assert.Equal(x, y, 1e-9 * Math.Max(1, Math.Abs(x)));
        }
    }

    public void Dispose()
    {
        _engine.Dispose();
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
