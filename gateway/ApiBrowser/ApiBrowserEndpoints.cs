using System.Globalization;
using PartyPlatform.PublicAddress;
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
            // The request arrived at the public address (Gateway:PublicBaseUrl or the forwarded one):
            // the documents are fetched, and "Try it" is sent, there too.
            var request = context.Request;
            for (var i = 0; i < services.Count; i++)
            {
                options.AddDocument(services[i], DisplayName(services[i]), $"{request.PathBase}/openapi/{services[i]}.json", isDefault: i == 0);
            }
            options.Servers = [new ScalarServer(PublicServers.BaseUrlOf(request), "PartyPlatform gateway")];
        }).AllowAnonymous(); // the page itself is public; its "Try it" calls carry the caller's token
        return app;
    }

    private static string DisplayName(string service) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(service.Replace('-', ' '));
}
