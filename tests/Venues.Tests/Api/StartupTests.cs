using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class StartupTests
{
    [Fact]
    public async Task A_new_database_starts_with_the_configured_campaign_and_checklist()
    {
        await using var app = await VenuesApp.StartAsync();
        await using var db = app.OpenDb();

        var campaign = await db.Campaigns.SingleAsync(TestContext.Current.CancellationToken);
        var checklist = await db.Checklists.SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal((new DateOnly(2026, 12, 31), 20_000m, 5), (campaign.Deadline, campaign.CitySubsidyPerNewBuild, campaign.Milestones.Count));
        Assert.Equal((1, 24, 100m), (checklist.Number, checklist.Items.Count, checklist.TotalWeight));
    }
}
