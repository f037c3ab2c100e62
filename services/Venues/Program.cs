using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;
using PartyPlatform.Venues.Baseline;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Consumers;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Deadline;
using PartyPlatform.Venues.DemoData;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Projects;
using PartyPlatform.Venues.Standards;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddPlatformAuthentication();
builder.AddVenuesData();
builder.AddAdministrativeTree<VenuesDb>("venues");
builder.AddPlatformMessaging("venues", bus => bus.AddVenuesConsumers(builder.Configuration));
builder.AddOutboxRelay<VenuesDb>();
builder.AddDemoData();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapCampaignApi();
app.MapBaselineApi();
app.MapProjectsApi();
app.MapFundingApi();
app.MapStandardsApi();
app.MapCoverageApi();
app.MapDeadlineApi();
app.MapLedgerApi();
app.MapAuditApi<VenuesDb>("/api/venues").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.PrepareVenuesDbAsync();
await app.RunAsync();
