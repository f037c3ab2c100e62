using PartyPlatform.Gateway.Security;
using PartyPlatform.Gateway.Upstreams;
using Yarp.ReverseProxy.Configuration;

namespace PartyPlatform.Gateway.Routing;

/// <summary>
/// The leaders' web page, <c>/dashboard/**</c>, served by the Dashboard service (static files with an SPA
/// fallback), and <c>/</c> sending a browser there. Public: the files hold no data; the page asks
/// <c>/bff/user</c> and <c>/api/**</c> with the session, which are checked as usual.
/// </summary>
public static class PageRoutes
{
    public const string PageService = "dashboard";
    public const string PagePath = "/dashboard/";

    public static IEnumerable<RouteConfig> Build(IReadOnlyList<string> serviceNames, UpstreamOptions upstream) =>
        serviceNames.Contains(PageService)
            ? [new RouteConfig
            {
                RouteId = $"{PageService}-page",
                ClusterId = PageService,
                AuthorizationPolicy = EdgeAuthorization.Anonymous,
                Match = new RouteMatch { Path = "/dashboard/{**rest}", Methods = ["GET", "HEAD"] },
                Timeout = upstream.RequestTimeout,
            }]
            : [];

    public static WebApplication MapPageRedirect(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => TypedResults.Redirect($"{context.Request.PathBase}{PagePath}"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
