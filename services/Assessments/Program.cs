using PartyPlatform;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Consumers;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Deadline;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Sheets;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
using PartyPlatform.Messaging;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddPlatformAuthentication();
builder.AddCityCalendar();
builder.AddAssessmentsData();
builder.Services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.Section).ValidateDataAnnotations()
    .Validate(o => o.Indicators.Count > 0 && o.Indicators.All(i => i.Code.Length is > 0 and <= GradingIndicator.MaxCodeLength && i.Name.Length > 0 && i.MaxScore > 0)
                   && o.Indicators.DistinctBy(i => i.Code).Count() == o.Indicators.Count,
        $"{GradingOptions.Section}:Indicators needs at least one indicator, each with a unique code (at most {GradingIndicator.MaxCodeLength} characters), a name and a maximum score above 0.")
    .ValidateOnStart();
builder.Services.AddOptions<TargetOptions>().BindConfiguration(TargetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<GradingImportOptions>().BindConfiguration(GradingImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddWatch<GradingDeadlineCheck>("Assessments:DeadlineWatch", (check, ct) => check.RunAsync(ct));
builder.AddAdministrativeTree<AssessmentsDb>("assessments");
builder.AddPlatformMessaging("assessments", bus => bus.AddAssessmentsConsumers(builder.Configuration));
builder.AddOutboxRelay<AssessmentsDb>();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapRoundsApi();
app.MapGradingsApi();
app.MapTargetsApi();
app.MapGradingSheetsApi();
app.MapAuditApi<AssessmentsDb>("/api/assessments").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.MigrateDatabaseAsync<AssessmentsDb>();
await app.RunAsync();
