namespace PartyPlatform.Gateway.CorrelationId;

public static class CorrelationIdExtensions
{
    public static IServiceCollection AddCorrelationId(this IServiceCollection services) =>
        // Every ProblemDetails names the id too, so a caller can quote it from an error body alone.
        // PostConfigure wraps the platform's own customisation instead of replacing it.
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var platform = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                platform?.Invoke(context);
                if (CorrelationIdMiddleware.Get(context.HttpContext) is { } correlationId)
                {
                    context.ProblemDetails.Extensions["correlationId"] = correlationId;
                }
            };
        });

    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        return app;
    }
}
