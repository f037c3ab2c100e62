using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace PartyPlatform;

/// <summary>
/// Maps the platform's rule and conflict exceptions to 400 and 409 ProblemDetails, an unreachable database
/// to 503; anything else stays a 500.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RuleViolationException rule => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [rule.Field] = [rule.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
                Detail = rule.Message,
            },
            Security.OutsideScopeException outside => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Outside your administrative unit",
                Detail = outside.Message,
            },
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = conflict.Message,
            },
            // A unique key caught two requests recording the same thing at once (e.g. two venues for one village).
            _ when exception.InnerException is System.Data.Common.DbException { SqlState: "23505" } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Another request has just recorded the same thing; read it again.",
            },
            // The database dropped the connection or cannot be reached (restarting, say): the request may be
            // repeated once it is back, so 503, not a 500 that reads as a bug.
            _ when DatabaseOutage.Is(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The service cannot reach its database just now; retry shortly.",
            },
            _ when IsConcurrencyConflict(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The record was changed by someone else; read it again and retry.",
            },
            // A JSON value binding refused (an enum given as a number, a number out of its type's range):
            // keyed by the field's path, like every other validation error.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { } path } json } bad => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [JsonField(path)] = [json.Message.Split(" Path: ")[0]] })
            {
                Status = bad.StatusCode,
                Title = "One or more validation errors occurred.",
                Detail = $"{JsonField(path)}: {json.Message.Split(" Path: ")[0]}",
            },
            // An unbindable parameter (a query value that is not a number, say).
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Bad request",
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>"$.items[0].kind" as the client wrote it: "items[0].kind"; the whole body is "body".</summary>
    private static string JsonField(string path) => path is "$" or "" ? "body" : path.TrimStart('$').TrimStart('.');

    // Checked by name so that ServiceDefaults needs no EF Core reference.
    private static bool IsConcurrencyConflict(Exception exception) =>
        exception.GetType().Name == "DbUpdateConcurrencyException";
}
