using Microsoft.AspNetCore.Mvc;

namespace PartyPlatform.Gateway.Bff;

/// <summary>The session's refusals, the same whether an endpoint or the forwarding in front of <c>/api/**</c> answers.</summary>
public static class SessionProblems
{
    public static ProblemDetails SessionEnded() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Authentication required",
        Detail = "There is no session, or it has ended (its refresh was refused or it expired). Sign in at /bff/login.",
    };

    public static ProblemDetails CsrfHeaderMissing() => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Forbidden",
        Detail = $"A request signed in by the session cookie that changes something must carry the header '{Csrf.Header}: 1'.",
    };

    public static ProblemDetails SignInFailed() => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Sign-in failed",
        Detail = "The sign-in did not complete (cancelled, expired or refused). Start again at /bff/login.",
    };
}
