using PartyPlatform.Messaging;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.DemoData;
using PartyPlatform.Organizations.Imports;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.Units;

if (args is ["demo-city", ..])
{
    await DemoCityCommand.WriteAsync(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOrganizationsData();
builder.AddPlatformMessaging("organizations");
builder.AddOutboxRelay<OrganizationsDb>();

var app = builder.Build();

app.UsePlatformProblemDetails();
app.MapDefaultEndpoints();
app.MapUnitsApi();
app.MapPartyOrganizationsApi();
app.MapImportsApi();

await app.PrepareOrganizationsDbAsync();
await app.RunAsync();
