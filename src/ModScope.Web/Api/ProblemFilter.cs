using ModScope.Common;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Web.Hardening;

namespace ModScope.Web.Api;

/// <summary>
/// Turns the library's errors into problem-details answers, by type: a bad parameter (or a report asked for badly) → 400
/// naming it; an answer over the size cap → 400 saying how to narrow it; <see cref="NotFoundException"/> (an unknown
/// alert) → 404; a statement the engine failed → 500 naming the engine and purpose; any other
/// <see cref="ModScopeException"/> → 400. Anything else is a bug and stays a 500. Beside the English <c>detail</c>, a
/// refusal with a known reason carries its facts (<see cref="Facts"/>) for the pages to word per language.
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
            return Bad(ex.Parameter, ex.Message, ex.Reason);
        }
        catch (ReportRequestException ex)
        {
            return Bad(ex.Parameter, ex.Message, ex.Reason);
        }
        catch (MetricRequestException ex)
        {
            // The planner names the parameter it refused (by, filter, metric, period, tz); a refusal of the caller's scope names none.
            return ex.Parameter is { } parameter ? Bad(parameter, ex.Message, ex.Reason)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: ex.Message, extensions: Facts(null, ex.Reason));
        }
        catch (ResultTooLargeException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Result too large", detail: ex.Message,
                extensions: Facts(null, new ProblemReason(ProblemKind.TooLarge, Subject: "answer")));
        }
        catch (NotFoundException ex)
        {
            // Only the library's own "not found": a dictionary miss in a handler is a bug, answered 500.
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message,
                extensions: ex.Kind.Length == 0 ? null : Facts(null, ProblemReason.Unknown(ex.Kind, ex.Key)));
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

    private static IResult Bad(string parameter, string message, ProblemReason? reason) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Bad parameter '{parameter}': {message}", title: "Bad request parameter",
            extensions: Facts(parameter, reason));

    /// <summary>
    /// The problem's structured fields beside its English <c>detail</c>: <c>parameter</c>, and from the reason
    /// <c>kind</c>, <c>value</c> (as sent), <c>subject</c> (what it should name), <c>accepted</c> and <c>suggested</c> (the
    /// accepted names closest to the value), each only when known.
    /// </summary>
    internal static Dictionary<string, object?> Facts(string? parameter, ProblemReason? reason)
    {
        var facts = new Dictionary<string, object?>();
        if (parameter is not null)
        {
            facts["parameter"] = parameter;
        }
        if (reason is not null)
        {
            facts["kind"] = reason.KindName;
            Put(facts, "value", reason.Value);
            Put(facts, "subject", reason.Subject);
            Put(facts, "accepted", reason.Accepted is { Count: > 0 } accepted ? accepted : null);
            Put(facts, "suggested", reason.Suggested);
        }
        return facts;
    }

    private static void Put(Dictionary<string, object?> facts, string key, object? value)
    {
        if (value is not null)
        {
            facts[key] = value;
        }
    }
}
