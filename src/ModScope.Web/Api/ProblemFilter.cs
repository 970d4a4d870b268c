using ModScope.Query;
using ModScope.Reports;
using ModScope.Web.Hardening;

namespace ModScope.Web.Api;

/// <summary>
/// Turns request errors into problem-details answers: a bad parameter (or a report asked for badly) → 400 naming it;
/// an answer over the size cap → 400 saying how to narrow it; an unknown alert → 404.
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
        catch (KeyNotFoundException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message);
        }
    }

    private static IResult Bad(string parameter, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Bad parameter '{parameter}': {message}", title: "Bad request parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
