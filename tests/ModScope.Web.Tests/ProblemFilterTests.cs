using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ModScope.Common;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Web.Api;

namespace ModScope.Web.Tests;

/// <summary>The API maps the library's errors by type: 404 only for its own "not found"; a bug stays a bug.</summary>
public sealed class ProblemFilterTests
{
    private static async Task<object?> Invoke(Exception thrown) =>
        await new ProblemFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), _ => throw thrown);

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
