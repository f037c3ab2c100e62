using Microsoft.AspNetCore.Http;

namespace PartyPlatform.Auditing;

/// <summary>
/// Who is writing: the signed-in person or client of the current request, else the process itself
/// (a consumer applying another service's event, a start-up step).
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    public const string System = "system";
    public const string Anonymous = "anonymous";

    public string Id =>
        http.HttpContext is not { } context ? System
        : context.User.FindFirst("client_id")?.Value ?? context.User.FindFirst("sub")?.Value ?? Anonymous;

    public string? Unit => http.HttpContext?.User.FindFirst("unit_code")?.Value;

    public string Operation => http.HttpContext is not { } context
        ? System
        : $"{context.Request.Method} {(context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path}";
}
