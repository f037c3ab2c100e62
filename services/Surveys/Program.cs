using PartyPlatform;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Classification;
using PartyPlatform.Surveys.Consumers;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Evaluations;
using PartyPlatform.Surveys.Figures;
using PartyPlatform.Surveys.Households;
using PartyPlatform.Surveys.Ingests;
using PartyPlatform.Surveys.Problems;
using PartyPlatform.Surveys.SpotChecks;
using PartyPlatform.Surveys.Visits;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddPlatformAuthentication();
builder.AddCityCalendar();
builder.AddSurveysData();
builder.Services.AddOptions<VisitFloorOptions>().BindConfiguration(VisitFloorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ClassificationRule>().BindConfiguration(ClassificationRule.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddLedger();
builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddWatch<AbandonedIngestSweep>("Surveys:IngestSweep", (sweep, ct) => sweep.RunAsync(ct));
builder.Services.AddOptions<HouseholdsOptions>().BindConfiguration(HouseholdsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddAdministrativeTree<SurveysDb>("surveys");
builder.AddPlatformMessaging("surveys", bus => bus.AddSurveysConsumers(builder.Configuration));
builder.AddOutboxRelay<SurveysDb>();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapCampaignsApi();
app.MapVisitsApi();
app.MapFiguresApi();
app.MapHouseholdsApi();
app.MapEvaluationsApi();
app.MapClassificationApi();
app.MapSpotChecksApi();
app.MapLedgerApi();
app.MapIngestsApi();
app.MapAuditApi<SurveysDb>("/api/surveys").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.MigrateDatabaseAsync<SurveysDb>();
await app.RunAsync();
