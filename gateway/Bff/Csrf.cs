namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// A cookie-authenticated unsafe request must carry <c>X-CSRF: 1</c>. A cross-site form or link cannot set
/// a custom header, and a cross-site script could only with a CORS preflight the gateway does not allow
/// (the header is not in <c>Gateway:Cors</c>), so the header proves the request comes from the page itself.
/// </summary>
public static class Csrf
{
    public const string Header = "X-CSRF";

    public static bool Satisfied(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
        || request.Headers[Header] == "1";
}
