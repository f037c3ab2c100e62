using PartyPlatform.Gateway;
using PartyPlatform.Gateway.ApiBrowser;
using PartyPlatform.Gateway.CorrelationId;
using PartyPlatform.Gateway.ForwardedHeaders;
using PartyPlatform.Gateway.RequestLimits;
using PartyPlatform.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);
var gateway = GatewayOptions.FromConfiguration(builder.Configuration);

builder.AddServiceDefaults();
builder.Services.AddSingleton(gateway);
builder.Services.AddTrustedProxies(gateway);
builder.Services.AddCorrelationId();
builder.Services.AddServiceRoutes(gateway.Services);

var app = builder.Build();

app.UseTrustedProxies();          // first: client address and scheme as the outer proxy saw them
app.UseCorrelationId();           // before errors, so error logs and bodies carry the id
app.UsePlatformProblemDetails();  // exceptions and unknown routes answer with ProblemDetails
app.UseRequestBodyLimit();

app.MapDefaultEndpoints();        // /health, /alive, the gateway's own /openapi/v1.json
app.MapApiBrowser();              // /scalar
app.MapServiceRoutes();           // /api/<service>/**, /openapi/<service>.json

app.Run();
