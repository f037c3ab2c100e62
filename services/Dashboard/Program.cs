using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDashboardData();
builder.AddPlatformMessaging("dashboard", bus => bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(builder.Configuration));
builder.AddMessagingHousekeeping<DashboardDb>();

var app = builder.Build();

app.UsePlatformProblemDetails();
app.MapDefaultEndpoints();
app.MapTreeApi();

await app.PrepareDashboardDbAsync();
await app.RunAsync();
