using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.DemoData;
using PartyPlatform.Organizations.Imports;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.TreeReplay;
using PartyPlatform.Organizations.Units;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;

if (args is ["demo-city", ..])
{
    await DemoCityCommand.WriteAsync(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddPlatformAuthentication();
builder.AddOrganizationsData();
builder.AddPlatformMessaging("organizations", bus => bus.AddTreeReplayConsumer());
builder.AddOutboxRelay<OrganizationsDb>();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapUnitsApi();
app.MapPartyOrganizationsApi();
app.MapImportsApi();
app.MapAuditApi<OrganizationsDb>("/api/organizations").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.PrepareOrganizationsDbAsync();
await app.RunAsync();
