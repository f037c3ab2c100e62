using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Consumers;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Surveys' 后进 reaches the election watch list and the villages wanting a first secretary, once, and a later 中间 clears it.</summary>
public sealed class SurveyClassificationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backward_village_is_watched_once_and_wanted_for_a_first_secretary_and_a_later_middling_clears_it()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var classification = Guid.NewGuid();
        var delivered = Guid.NewGuid();

        await app.PublishAsync(Classified(classification, 1, village, OrganizationClass.Backward), delivered, Ct);
        await app.PublishAsync(Classified(classification, 1, village, OrganizationClass.Backward), delivered, Ct);
        await app.PublishAsync(Classified(classification, 1, village, OrganizationClass.Backward), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 2, Timeout);

        await using (var db = app.OpenDb())
        {
            var entry = await db.WatchList.SingleAsync(Ct);
            Assert.Equal((village, WatchListKind.Backward, WatchListSource.Surveys, classification, true),
                (entry.UnitId, entry.Kind, entry.Source, entry.FactId, entry.IsOpen));
            Assert.Contains("入户率不足", entry.Reason);
        }

        var wanted = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries/wanted", Ct);
        var row = Assert.Single(wanted.GetProperty("items").EnumerateArray());
        Assert.Equal((village, "Surveys"), (row.GetProperty("villageId").GetGuid(), row.GetProperty("flags")[0].GetProperty("source").GetString()));

        // The middling that replaced it clears the entry; the backward version delivered late changes nothing.
        await app.PublishAsync(Classified(classification, 2, village, OrganizationClass.Middling), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return !(await db.WatchList.SingleAsync(Ct)).IsOpen;
        }, Timeout);
        var late = Guid.NewGuid();
        await app.PublishAsync(Classified(classification, 1, village, OrganizationClass.Backward), late, Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 4, Timeout);

        await using var after = app.OpenDb();
        var cleared = await after.WatchList.SingleAsync(Ct);
        Assert.False(cleared.IsOpen);
        Assert.Contains("中间", cleared.ClearReason);
        Assert.Equal([1L, 2L], (await app.PublishedAsync<WatchListEntryChanged>()).Select(e => e.Event.Version));
    }

    [Fact]
    public async Task An_enterprise_classified_backward_is_not_a_village_and_is_not_watched()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var township = app.Tree.Id(TestTree.TownshipCode);

        await app.PublishAsync(Classified(Guid.NewGuid(), 1, township, OrganizationClass.Backward, PartyOrganizationKind.Enterprise), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 1, Timeout);

        await using var db = app.OpenDb();
        Assert.Equal(0, await db.WatchList.CountAsync(Ct));
    }

    private static OrganizationClassified Classified(Guid id, long version, Guid unit, OrganizationClass @class, PartyOrganizationKind kind = PartyOrganizationKind.Village) =>
        new(id, version, Guid.NewGuid(), Guid.NewGuid(), "610502001201", kind, unit, @class, false, "入户率不足、群众满意度低", DateTimeOffset.UtcNow);

    private static async Task<int> InboxCountAsync(PersonnelApp app)
    {
        await using var db = app.OpenDb();
        return await db.Set<InboxMessage>().CountAsync(m => m.Consumer == OrganizationClassifiedConsumer.Name, Ct);
    }
}
