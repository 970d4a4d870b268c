using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModScope.Common;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Web.Api;
using ModScope.Web.Hardening;

namespace ModScope.Web.Tests;

/// <summary>The API maps the library's errors by type: 404 only for its own "not found"; a bug stays a bug.</summary>
public sealed class ProblemFilterTests
{
    private static async Task<object?> Invoke(Exception thrown) =>
        await new ProblemFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), _ => throw thrown);

    /// <summary>The problem body as JSON, its extensions at the top level as the API writes them.</summary>
    private static async Task<JsonElement> Body(Func<object?> handler)
    {
        var result = Assert.IsType<ProblemHttpResult>(await new ProblemFilter().InvokeAsync(
            new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), _ => ValueTask.FromResult(handler())));
        return JsonSerializer.SerializeToElement(result.ProblemDetails, result.ProblemDetails.GetType(), JsonSerializerOptions.Web);
    }

    [Theory]
    [InlineData("abc", "bad-format", null)]
    [InlineData("-3", "bad-format", null)]
    [InlineData("0", "out-of-range", "1..1000")]
    [InlineData("1001", "out-of-range", "1..1000")]
    public async Task A_bad_whole_number_says_whether_it_is_not_one_or_out_of_range(string text, string kind, string? accepted)
    {
        var problem = await Body(() => WholeNumber.Parse("limit", text, 1, 1_000));

        Assert.Equal("limit", problem.GetProperty("parameter").GetString());
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal(text, problem.GetProperty("value").GetString());
        Assert.Equal("whole number", problem.GetProperty("subject").GetString());
        Assert.Equal(accepted, problem.TryGetProperty("accepted", out var a) ? a[0].GetString() : null);
        Assert.Equal($"Bad parameter 'limit': a whole number between 1 and 1000, not '{text}'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_answer_over_the_cap_is_too_large_without_a_parameter()
    {
        var problem = await Body(() => throw new ResultTooLargeException("Result too large: narrow it."));

        Assert.Equal("too-large", problem.GetProperty("kind").GetString());
        Assert.Equal("answer", problem.GetProperty("subject").GetString());
        Assert.False(problem.TryGetProperty("parameter", out _));
    }

    [Fact]
    public async Task A_metric_request_without_a_reason_keeps_only_its_parameter_and_detail()
    {
        var problem = await Body(() => throw new MetricRequestException("A dimension is named twice.") { Parameter = "by" });

        Assert.Equal("by", problem.GetProperty("parameter").GetString());
        Assert.False(problem.TryGetProperty("kind", out _));
        Assert.Equal("Bad parameter 'by': A dimension is named twice.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_metric_request_refusal_about_no_parameter_names_none_and_keeps_its_reason()
    {
        // The caller's scope against the catalogue: not the metric's fault, so no parameter is blamed.
        var problem = await Body(() => throw new MetricRequestException("The catalogue has no dimension on column 'site'.")
        {
            Reason = new(ProblemKind.NotAllowed, "site", "scope"),
        });

        Assert.False(problem.TryGetProperty("parameter", out _));
        Assert.Equal(("not-allowed", "site", "scope"), (problem.GetProperty("kind").GetString(), problem.GetProperty("value").GetString(), problem.GetProperty("subject").GetString()));
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public void Every_bad_parameter_refusal_in_the_web_assembly_carries_a_reason()
    {
        // The only way to build one takes a non-null reason, so every throw site names a kind (the compiler checks each).
        var constructors = typeof(BadParameterException).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotEmpty(constructors);
        var nullability = new NullabilityInfoContext();
        Assert.All(constructors, c => Assert.Contains(c.GetParameters(),
            p => p.ParameterType == typeof(ProblemReason) && nullability.Create(p).WriteState == NullabilityState.NotNull));
        var reason = typeof(BadParameterException).GetProperty(nameof(BadParameterException.Reason))!;
        Assert.Equal(NullabilityState.NotNull, nullability.Create(reason).ReadState);
        Assert.Equal(typeof(ProblemReason), reason.PropertyType);
    }

    [Fact]
    public async Task The_librarys_not_found_is_404_naming_what_is_missing()
    {
        var result = Assert.IsType<ProblemHttpResult>(await Invoke(new NotFoundException("alert", "9999", "alert 9999 not found")));

        Assert.Equal(StatusCodes.Status404NotFound, result.StatusCode);
        Assert.Equal("alert 9999 not found", result.ProblemDetails.Detail);
    }

    [Fact]
    public async Task A_dictionary_miss_inside_a_handler_is_not_a_404_but_a_bug()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Invoke(new KeyNotFoundException("The given key was not present.")));
    }

    [Fact]
    public async Task Other_user_errors_are_400_and_a_refused_statement_is_500_naming_engine_and_purpose()
    {
        var bad = Assert.IsType<ProblemHttpResult>(await Invoke(new IngestException("no such table")));
        var refused = Assert.IsType<ProblemHttpResult>(await Invoke(
            new QueryExecutionException("clickhouse", "count over decisions", "SELECT 1", new IOException("Code: 46"))));

        Assert.Equal(StatusCodes.Status400BadRequest, bad.StatusCode);
        Assert.Equal(StatusCodes.Status500InternalServerError, refused.StatusCode);
        Assert.Equal("clickhouse failed the statement for count over decisions.", refused.ProblemDetails.Detail);
    }
}
