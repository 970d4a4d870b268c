using ModScope.Common;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Web.Hardening;

namespace ModScope.Web.Api;

/// <summary>
/// Turns the library's errors into problem-details answers, by type: a bad parameter (or a report asked for badly) → 400
/// naming it; an answer over the size cap → 400 saying how to narrow it; <see cref="NotFoundException"/> (an unknown
/// alert) → 404; a statement the engine failed → 500 naming the engine and purpose; any other
/// <see cref="ModScopeException"/> → 400. Anything else is a bug and stays a 500.
/// </summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadParameterException ex)
        {
            return Bad(ex.Parameter, ex.Message);
        }
        catch (ReportRequestException ex)
        {
            return Bad(ex.Parameter, ex.Message);
        }
        catch (MetricRequestException ex)
        {
            return Bad("metric", ex.Message);
        }
        catch (ResultTooLargeException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Result too large", detail: ex.Message);
        }
        catch (NotFoundException ex)
        {
            // Only the library's own "not found": a dictionary miss in a handler is a bug, answered 500.
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message);
        }
        catch (QueryExecutionException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "A statement failed",
                detail: $"{ex.Engine} failed the statement for {ex.Purpose}.");
        }
        catch (ModScopeException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: ex.Message);
        }
    }

    private static IResult Bad(string parameter, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Bad parameter '{parameter}': {message}", title: "Bad request parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
