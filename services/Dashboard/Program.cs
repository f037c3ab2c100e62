using PartyPlatform;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Live;
using PartyPlatform.Dashboard.Overview;
using PartyPlatform.Dashboard.Page;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Dashboard.ReadModel;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Messaging;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddCityCalendar();
builder.Services.AddOptions<PersonnelFiguresOptions>().BindConfiguration(PersonnelFiguresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddDashboardData();
builder.AddFigureStream();
builder.AddOverview();
builder.AddAdministrativeTree<DashboardDb>("dashboard");
builder.AddPlatformMessaging("dashboard", bus =>
{
    bus.AddBatchConsumer<AdministrativeUnitChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<PartyOrganizationChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<VenueCoverageChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<VenueChangedConsumer>(builder.Configuration);
    bus.AddInboxConsumer<VenueDeadlineMissedConsumer>();
    bus.AddBatchConsumer<ProjectScheduleChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<VenueFundingChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<VenueCampaignChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<SecretaryProfileChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<VillageLeadersChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<GraduateOfficialChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<SurveyCampaignChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<OrganizationVisitFiguresChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<ProblemChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<OrganizationClassifiedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<OrganizationGradedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<GradingTargetsChangedConsumer>(builder.Configuration);
    bus.AddBatchConsumer<CountyScoreChangedConsumer>(builder.Configuration);
});
builder.AddMessagingHousekeeping<DashboardDb>();
// Figures published before this service's queues existed come back this way.
builder.AddReplayRequest(VenueFactsReplayRequested.Queue, async (services, now, ct) =>
    new VenueFactsReplayRequested("dashboard", now, await services.GetRequiredService<DashboardDb>().VenueFactsHeldAsync(ct)));
builder.AddReplayRequest(PersonnelFactsReplayRequested.Queue, async (services, now, ct) =>
    new PersonnelFactsReplayRequested("dashboard", now, await services.GetRequiredService<DashboardDb>().PersonnelFactsHeldAsync(ct)));
builder.AddReplayRequest(SurveysFactsReplayRequested.Queue, async (services, now, ct) =>
    new SurveysFactsReplayRequested("dashboard", now, await services.GetRequiredService<DashboardDb>().SurveysFactsHeldAsync(ct)));
builder.AddReplayRequest(AssessmentsFactsReplayRequested.Queue, async (services, now, ct) =>
    new AssessmentsFactsReplayRequested("dashboard", now, await services.GetRequiredService<DashboardDb>().AssessmentsFactsHeldAsync(ct)));

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
app.UseDashboardPage(); // public, so before authentication
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapTreeApi();
app.MapVenueFiguresApi();
app.MapPersonnelFiguresApi();
app.MapSurveysFiguresApi();
app.MapAssessmentsFiguresApi();
app.MapReadModelApi();
app.MapOverviewApi();
app.MapFigureStreamApi();
app.MapAuditApi<DashboardDb>("/api/dashboard").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.MigrateDatabaseAsync<DashboardDb>();
await app.RunAsync();
