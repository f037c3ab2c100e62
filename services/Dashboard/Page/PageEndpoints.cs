namespace PartyPlatform.Dashboard.Page;

/// <summary>
/// The leaders' page (built from <c>Web/</c> into <c>wwwroot/</c>) under <c>/dashboard</c>. Its files are public:
/// they hold no data, the page asks the API for it once signed in. Any other <c>/dashboard</c> path that does not
/// name a file answers <c>index.html</c>, so the page's own router shows it after a reload or from a link.
/// </summary>
public static class PageEndpoints
{
    private const string PagePath = "/dashboard";

    // Vite names every bundled file by its content's hash: a changed file is a new name, so these never go stale.
    private const string HashedAssetsPath = PagePath + "/assets";

    /// <summary>Serves the page; before authorization, which would ask the files for a token.</summary>
    public static WebApplication UseDashboardPage(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = PagePath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments(HashedAssetsPath) ? "public, max-age=31536000, immutable" : "no-cache",
        });
        // index.html names the current assets: the browser asks again every time.
        app.MapFallbackToFile($"{PagePath}/{{*path:nonfile}}", "index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
