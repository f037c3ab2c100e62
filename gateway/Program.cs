using PartyPlatform.Gateway;
using PartyPlatform.Gateway.ApiBrowser;
using PartyPlatform.Gateway.Bff;
using PartyPlatform.Gateway.CorrelationId;
using PartyPlatform.Gateway.Cors;
using PartyPlatform.Gateway.PublicAddress;
using PartyPlatform.Gateway.RateLimits;
using PartyPlatform.Gateway.RequestLimits;
using PartyPlatform.Gateway.Routing;
using PartyPlatform.Gateway.Security;
using PartyPlatform.Gateway.Upstreams;
using PartyPlatform.PublicAddress;

var builder = WebApplication.CreateBuilder(args);
var gateway = GatewayOptions.FromConfiguration(builder.Configuration);
var routeRules = RouteRule.FromConfiguration(builder.Configuration);

builder.AddServiceDefaults();
builder.AddEdgeAuthorization();   // Identity's JWTs; /api/** needs a platform role
builder.AddBffSession();          // the web page's sign-in (code + PKCE) and session cookie
builder.Services.AddSingleton(gateway);
builder.Services.AddCorrelationId();
builder.Services.AddPlatformCors(builder.Configuration);
builder.Services.AddClientRateLimits(RateLimitOptions.FromConfiguration(builder.Configuration), routeRules);
builder.Services.AddServiceRoutes(gateway.Services, UpstreamOptions.FromConfiguration(builder.Configuration), routeRules);

var app = builder.Build();

app.UseTrustedProxies();          // first: client address and scheme as the outer proxy saw them (ForwardedHeaders:*)
app.UsePublicBaseUrl();           // Gateway:PublicBaseUrl, when set, is the address every request arrived at
app.UseCorrelationId();           // before errors, so error logs and bodies carry the id
app.UsePlatformProblemDetails();  // exceptions and unknown routes answer with ProblemDetails
app.UseRequestBodyLimit();
app.UsePlatformCors();            // preflights carry no token: answered before authentication
app.UseSessionForwarding();       // /api/** with the session cookie and no Authorization header: the session's token, X-CSRF on writes
app.UseAuthentication();
app.UseClientRateLimits();        // per token client, so after authentication; refused calls count too
app.UseAuthorization();           // 401/403 ProblemDetails; the Authorization header goes upstream as is
app.UseRequestTimeouts();         // each route's timeout (Gateway:Upstream, Gateway:Routes) counts the upstream's time only

app.MapDefaultEndpoints();        // /health (with each routed service), /alive (the process only), the gateway's own /openapi/v1.json (all public)
app.MapApiBrowser();              // /scalar (public)
app.MapBffApi();                  // /bff/login, /bff/logout, /bff/user (public; each reads the session cookie)
app.MapPageRedirect();            // / to the web page at /dashboard/ (public)
app.MapServiceRoutes();           // /api/<service>/** (platform callers), /connect, /.well-known, /openapi/<service>.json, /dashboard/** (public)

app.Run();
