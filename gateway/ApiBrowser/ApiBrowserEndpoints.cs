using System.Globalization;
using Scalar.AspNetCore;

namespace PartyPlatform.Gateway.ApiBrowser;

/// <summary>
/// One API browser (Scalar, at /scalar) for the whole platform: a document per routed service,
/// each fetched through the gateway from /openapi/&lt;service&gt;.json.
/// </summary>
public static class ApiBrowserEndpoints
{
    public const string Path = "/scalar";

    public static WebApplication MapApiBrowser(this WebApplication app)
    {
        var services = app.Services.GetRequiredService<GatewayOptions>().Services;
        app.MapScalarApiReference(Path, (options, context) =>
        {
            options.WithTitle("PartyPlatform API");
            // Nothing leaves the platform from this page: no hosted AI agent (it would upload the
            // documents), no usage telemetry, no Scalar toolbar with its cloud links.
            options.DisableAgent().DisableTelemetry().HideDeveloperTools();
            for (var i = 0; i < services.Count; i++)
            {
                options.AddDocument(services[i], DisplayName(services[i]), $"/openapi/{services[i]}.json", isDefault: i == 0);
            }
            // A service's document names its own internal address as the server; "Try it" must
            // go through the gateway instead, which serves the same paths.
            var request = context.Request;
            options.Servers = [new ScalarServer($"{request.Scheme}://{request.Host}{request.PathBase}", "PartyPlatform gateway")];
        }).AllowAnonymous(); // the page itself is public; its "Try it" calls carry the caller's token
        return app;
    }

    private static string DisplayName(string service) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(service.Replace('-', ' '));
}
