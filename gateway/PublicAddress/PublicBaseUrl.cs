namespace PartyPlatform.Gateway.PublicAddress;

/// <summary>
/// <c>Gateway:PublicBaseUrl</c>: the address county systems and browsers use to reach the platform
/// (scheme, host, port and any path prefix, e.g. <c>https://party.weinan.gov.cn/platform</c>). When it
/// is set, every request is treated as having arrived there: the API browser names it, and YARP
/// forwards it to the services as X-Forwarded-Proto/Host/Prefix, from which Identity builds its
/// discovery document and every service its OpenAPI servers. Unset, the address the caller used
/// (as the proxies in front of the gateway forwarded it) serves instead.
/// </summary>
public static class PublicBaseUrl
{
    public const string Key = "Gateway:PublicBaseUrl";

    /// <summary>The configured address without a trailing slash, or null; a malformed one stops the gateway.</summary>
    public static Uri? FromConfiguration(IConfiguration configuration)
    {
        if (configuration[Key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https")
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Key} is '{text}'; it must be http(s)://host[:port][/path], without query or fragment.");
        }

        return url;
    }

    /// <summary>Right after the trusted proxies' headers are read, so that nothing later sees another address.</summary>
    public static WebApplication UsePublicBaseUrl(this WebApplication app)
    {
        if (FromConfiguration(app.Configuration) is not { } url)
        {
            return app;
        }

        var scheme = url.Scheme;
        var host = new HostString(url.Authority);
        var pathBase = new PathString(url.AbsolutePath.TrimEnd('/'));
        app.Use((context, next) =>
        {
            context.Request.Scheme = scheme;
            context.Request.Host = host;
            context.Request.PathBase = pathBase;
            return next(context);
        });
        return app;
    }
}
