using PartyPlatform;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Awards;
using PartyPlatform.Assessments.Commitments;
using PartyPlatform.Assessments.Consumers;
using PartyPlatform.Assessments.CountyScoring;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Deadline;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Reports;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Sheets;
using PartyPlatform.Assessments.SpecialReports;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
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
builder.Services.AddOptions<CountyAssessmentOptions>().BindConfiguration(CountyAssessmentOptions.Section).ValidateDataAnnotations()
    .Validate(o => o.Indicators.Count > 0 && o.Indicators.Sum(i => i.Weight) == o.Total && o.Indicators.DistinctBy(i => i.Code).Count() == o.Indicators.Count,
        $"{CountyAssessmentOptions.Section}:Indicators needs at least one indicator, each with a unique code, and weights summing to its Total.")
    .ValidateOnStart();
builder.AddWatch<CountyRanking>("Assessments:ScoreWatch", (ranking, ct) => ranking.RunAsync(ct));
builder.Services.AddOptions<AwardOptions>().BindConfiguration(AwardOptions.Section)
    .Validate(o => o.IsValid(), $"{AwardOptions.Section}: every count must be at least 1, every score at least 0, and the coverage floor a percentage.")
    .ValidateOnStart();
builder.Services.AddScoped<AwardCandidates>();
builder.Services.AddOptions<SecretaryReportOptions>().BindConfiguration(SecretaryReportOptions.Section).ValidateDataAnnotations()
    .Validate(o => o.IsOrdered, $"{SecretaryReportOptions.Section} needs points that fall from Good to Poor, each at least 0, and thresholds that fall from GoodAtLeast to AverageAtLeast.")
    .ValidateOnStart();
builder.Services.AddOptions<GradingImportOptions>().BindConfiguration(GradingImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddWatch<GradingDeadlineCheck>("Assessments:DeadlineWatch", (check, ct) => check.RunAsync(ct));
builder.AddAdministrativeTree<AssessmentsDb>("assessments");
builder.AddPlatformMessaging("assessments", bus => bus.AddAssessmentsConsumers(builder.Configuration));
builder.AddOutboxRelay<AssessmentsDb>();
builder.AddReplayRequest(VenueFactsReplayRequested.Queue, async (services, now, ct) =>
    new VenueFactsReplayRequested("assessments", now, await services.GetRequiredService<AssessmentsDb>().VenueFactsHeldAsync(ct)));
builder.AddReplayRequest(SurveysFactsReplayRequested.Queue, async (services, now, ct) =>
    new SurveysFactsReplayRequested("assessments", now, await services.GetRequiredService<AssessmentsDb>().SurveysFactsHeldAsync(ct)));
builder.AddReplayRequest(PersonnelFactsReplayRequested.Queue, async (services, now, ct) =>
    new PersonnelFactsReplayRequested("assessments", now, await services.GetRequiredService<AssessmentsDb>().PersonnelFactsHeldAsync(ct)));

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
app.MapCountyAssessmentApi();
app.MapAwardsApi();
app.MapReportsApi();
app.MapCommitmentsApi();
app.MapSpecialReportsApi();
app.MapGradingSheetsApi();
app.MapAuditApi<AssessmentsDb>("/api/assessments").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.MigrateDatabaseAsync<AssessmentsDb>();
await app.RunAsync();
