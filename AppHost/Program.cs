using PartyPlatform.AppHost.Diagnostics;
using PartyPlatform.AppHost.Infrastructure;
using PartyPlatform.AppHost.Supervision;

// PartyPlatform, run locally: `dotnet run --project AppHost` (dashboard: http://localhost:15888).
// Configuration keys are listed in AppHost/appsettings.json.
var builder = DistributedApplication.CreateBuilder(args);

// A process that crashes is started again, with backoff (Supervision:*); a stop from the dashboard stays a stop.
builder.AddSupervision();
// Logs when each resource becomes healthy (scripts/start-times.sh).
builder.AddStartTimeline();

// PostgreSQL + RabbitMQ: containers where Docker/Podman answers, else the installed binaries.
var infrastructure = builder.AddPlatformInfrastructure();

// The one public entry point, on a fixed port (Ports:gateway) so that county systems and bookmarks can rely on it.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpointIfMissing()
    .WithRunModePort("http")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithSettingsFrom(builder.Configuration.GetSection("Gateway:RateLimit"));

// Tokens are asked for through the gateway, so the gateway's address is their issuer, for every process.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http").Property(EndpointProperty.Url)}/");
gateway.WithTokenChecks(issuer);
// What the gateway tells the services callers reached it at: discovery and OpenAPI documents name it.
gateway.WithEnvironment("Gateway__PublicBaseUrl", gateway.GetEndpoint("http"));
// The keys that encrypt the web page's session cookies live with the platform's data: a restart of the gateway signs nobody out.
if (infrastructure.DataDirectory is { } dataDirectory)
{
    gateway.WithEnvironment("Gateway__Bff__KeysDirectory", Path.Combine(dataDirectory, "gateway-keys"));
}

var identity = builder.AddProject<Projects.Identity>("identity")
    .WithPlatformInfrastructure(infrastructure, "identitydb")
    .WithTokenChecks(issuer)
    .WithEnvironment("Identity__AccessTokenLifetime", builder.Configuration["Identity:AccessTokenLifetime"] ?? "00:05:00")
    .WithEnvironment("Identity__SeedDemoAccounts", builder.Configuration["Identity:SeedDemoAccounts"] ?? "true")
    // The web page signs in through the gateway, which receives the code at its public address; added beside
    // Identity's configured entry 0 (http://localhost:5080/signin-callback), which clients of their own use.
    .WithEnvironment("Identity__WebClient__RedirectUris__1",
        ReferenceExpression.Create($"{gateway.GetEndpoint("http").Property(EndpointProperty.Url)}/signin-callback"));
// Identity checks the tokens of its own admin API against its own keys.
identity.WithEnvironment("Identity__MetadataAddress",
    ReferenceExpression.Create($"{identity.GetEndpoint("http").Property(EndpointProperty.Url)}/.well-known/openid-configuration"));

var organizations = builder.AddProject<Projects.Organizations>("organizations")
    .WithPlatformInfrastructure(infrastructure, "organizationsdb")
    .WithIdentity(identity, issuer)
    .WithEnvironment("DemoData__Load", builder.Configuration["DemoData:Load"] ?? "true");

var venues = builder.AddProject<Projects.Venues>("venues")
    .WithPlatformInfrastructure(infrastructure, "venuesdb")
    .WithIdentity(identity, issuer)
    .WithEnvironment("Venues__DeadlineWatch__Interval", builder.Configuration["Venues:DeadlineWatchInterval"] ?? "00:01:00")
    // Baselines, projects and funding for the demo city's villages, with the demo city itself.
    .WithEnvironment("DemoData__Load", builder.Configuration["DemoData:Load"] ?? "true");

var dashboard = builder.AddProject<Projects.Dashboard>("dashboard")
    .WithPlatformInfrastructure(infrastructure, "dashboarddb")
    .WithIdentity(identity, issuer);

var personnel = builder.AddProject<Projects.Personnel>("personnel")
    .WithPlatformInfrastructure(infrastructure, "personneldb")
    .WithIdentity(identity, issuer)
    // Staff for the demo city's villages, with the demo city itself.
    .WithEnvironment("DemoData__Load", builder.Configuration["DemoData:Load"] ?? "true");

var surveys = builder.AddProject<Projects.Surveys>("surveys")
    .WithPlatformInfrastructure(infrastructure, "surveysdb")
    .WithIdentity(identity, issuer);

var assessments = builder.AddProject<Projects.Assessments>("assessments")
    .WithPlatformInfrastructure(infrastructure, "assessmentsdb")
    .WithIdentity(identity, issuer);

gateway.WithReference(identity).WithReference(organizations).WithReference(venues).WithReference(dashboard).WithReference(personnel).WithReference(surveys).WithReference(assessments);

builder.Build().Run();
