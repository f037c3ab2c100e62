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
    public const string SubjectClaim = "sub";
    public const string ClientClaim = "client_id";

    /// <summary>
    /// The token's subject: a person signed in through the web page (their id), or for a
    /// client-credentials token (a county system) the client itself, whose subject is its client id.
    /// Never the client of a person's token: that one client carries everybody's writes.
    /// </summary>
    public string Id =>
        http.HttpContext is not { } context ? System
        : context.User.FindFirst(SubjectClaim)?.Value ?? context.User.FindFirst(ClientClaim)?.Value ?? Anonymous;

    /// <summary>The client the request came through (the web page, a county system); null for the process itself.</summary>
    public string? Client => http.HttpContext?.User.FindFirst(ClientClaim)?.Value;

    public string? Unit => http.HttpContext?.User.FindFirst("unit_code")?.Value;

    public string Operation => http.HttpContext is not { } context
        ? System
        : $"{context.Request.Method} {(context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path}";
}
