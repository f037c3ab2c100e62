using Microsoft.Extensions.Configuration;
using PartyPlatform.AppHost.Infrastructure;

// PartyPlatform, run locally: `dotnet run --project AppHost` (dashboard: http://localhost:15888).
// Configuration keys are listed in AppHost/appsettings.json.
var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL + RabbitMQ: containers where Docker/Podman answers, else the installed binaries.
var infrastructure = builder.AddPlatformInfrastructure();

var organizations = builder.AddProject<Projects.Organizations>("organizations")
    .WithPlatformInfrastructure(infrastructure, "organizationsdb")
    .WithEnvironment("DemoData__Load", builder.Configuration["DemoData:Load"] ?? "true");

var dashboard = builder.AddProject<Projects.Dashboard>("dashboard")
    .WithPlatformInfrastructure(infrastructure, "dashboarddb");

// The one public entry point, on a fixed port so that county systems and bookmarks can rely on it.
builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(organizations)
    .WithReference(dashboard)
    .WithFixedHttpPort(builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
