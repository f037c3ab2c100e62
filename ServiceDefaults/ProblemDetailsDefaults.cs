using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsDefaults
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<PartyPlatform.PlatformExceptionHandler>();
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                                                          ?? context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                // Request validation names C# properties ("Items[1].Weight"); clients sent JSON ("items[1].weight").
                validation.Errors = validation.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value);
            }
        });
    }

    private static string JsonPath(string key) =>
        string.Join('.', key.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    /// <summary>
    /// Unhandled exceptions, unknown routes (404) and wrong methods (405) all answer with
    /// ProblemDetails instead of an empty body.
    /// </summary>
    public static WebApplication UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
