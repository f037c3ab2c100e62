using PartyPlatform;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.Personnel.Consumers;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.DemoData;
using PartyPlatform.Personnel.FirstSecretaries;
using PartyPlatform.Personnel.GraduateOfficials;
using PartyPlatform.Personnel.Imports;
using PartyPlatform.Personnel.Management;
using PartyPlatform.Personnel.Merges;
using PartyPlatform.Personnel.People;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Personnel.Profiles;
using PartyPlatform.Personnel.ReserveTalent;
using PartyPlatform.Personnel.TownshipSecretaries;
using PartyPlatform.Personnel.WatchList;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddPlatformAuthentication();
builder.AddCityCalendar();
builder.AddPersonnelData();
builder.AddGraduateOfficials();
builder.AddReserveTalentOptions();
builder.Services.AddOptions<ProfileOptions>().BindConfiguration(ProfileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<PeopleImportOptions>().BindConfiguration(PeopleImportOptions.Section);
builder.AddAdministrativeTree<PersonnelDb>("personnel");
builder.AddPlatformMessaging("personnel", bus => bus.AddPersonnelConsumers(builder.Configuration));
builder.AddOutboxRelay<PersonnelDb>();
builder.AddDemoData();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapPeopleApi();
app.MapPeopleSheetsApi();
app.MapPostsApi();
app.MapEligibilityApi();
app.MapSecretaryChangesApi();
app.MapRepostingsApi();
app.MapWatchListApi();
app.MapFirstSecretariesApi();
app.MapGraduateOfficialsApi();
app.MapTrainingApi();
app.MapReserveTalentApi();
app.MapManagementRecordsApi();
app.MapProfilesApi();
app.MapAuditApi<PersonnelDb>("/api/personnel").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.MigrateDatabaseAsync<PersonnelDb>();
await app.PublishUnpublishedVillageLeadersAsync();
await app.RunAsync();
