using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Consumers;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Assessments' 较差, once it is the village's result, reaches the election watch list and the villages wanting a first secretary, once; a send-back or a better grade clears it.</summary>
public sealed class AssessmentGradingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_poor_result_is_watched_once_with_the_year_and_wanted_for_a_first_secretary_and_a_late_older_version_changes_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var grading = Guid.NewGuid();
        var delivered = Guid.NewGuid();

        // Entered and reviewed as 较差: not a result yet.
        await app.PublishAsync(Graded(grading, 1, village, Grade.Poor, GradingStep.TownshipReviewed), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 1, Timeout);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(0, await db.WatchList.CountAsync(Ct));
        }

        await app.PublishAsync(Graded(grading, 2, village, Grade.Poor, GradingStep.CountyDecided), delivered, Ct);
        await app.PublishAsync(Graded(grading, 2, village, Grade.Poor, GradingStep.CountyDecided), delivered, Ct);
        await app.PublishAsync(Graded(grading, 2, village, Grade.Poor, GradingStep.CountyDecided), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 3, Timeout);

        await using (var db = app.OpenDb())
        {
            var entry = await db.WatchList.SingleAsync(Ct);
            Assert.Equal((village, WatchListKind.Backward, WatchListSource.Assessments, grading, true, "2025年度升级晋档评定为较差"),
                (entry.UnitId, entry.Kind, entry.Source, entry.FactId, entry.IsOpen, entry.Reason));
            var held = await db.AssessmentGradings.SingleAsync(g => g.GradingId == grading, Ct);
            Assert.Equal((2L, Grade.Poor, GradingStep.CountyDecided, 2025), (held.Version, held.Grade, held.Step, held.Year));
        }

        var wanted = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/personnel/first-secretaries/wanted", Ct);
        var row = Assert.Single(wanted.GetProperty("items").EnumerateArray());
        Assert.Equal((village, "Assessments"), (row.GetProperty("villageId").GetGuid(), row.GetProperty("flags")[0].GetProperty("source").GetString()));

        // Filed by the city (version 3), then the county's decision (version 2) delivered late: still one open entry, published once.
        await app.PublishAsync(Graded(grading, 3, village, Grade.Poor, GradingStep.CityFiled), Guid.NewGuid(), Ct);
        await app.PublishAsync(Graded(grading, 1, village, Grade.Poor, GradingStep.TownshipReviewed), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 5, Timeout);

        await using var after = app.OpenDb();
        Assert.True((await after.WatchList.SingleAsync(Ct)).IsOpen);
        Assert.Equal(3L, await after.AssessmentGradings.Where(g => g.GradingId == grading).Select(g => g.Version).SingleAsync(Ct));
        var published = Assert.Single(await app.PublishedAsync<WatchListEntryChanged>()).Event;
        Assert.Equal((1L, village, WatchListSource.Assessments, (DateOnly?)null), (published.Version, published.UnitId, published.Source, published.ClearedOn));
    }

    [Fact]
    public async Task A_send_back_clears_the_entry_a_new_poor_result_reopens_it_and_an_average_result_clears_it_and_an_older_version_changes_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 2);
        var grading = Guid.NewGuid();

        await app.PublishAsync(Graded(grading, 3, village, Grade.Poor, GradingStep.CountyDecided), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await OpenAsync(app) == true, Timeout);

        // Sent back to the township (version 4): no longer a result.
        await app.PublishAsync(Graded(grading, 4, village, Grade.Poor, GradingStep.SelfAssessed), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await OpenAsync(app) == false, Timeout);
        await using (var db = app.OpenDb())
        {
            Assert.Contains("退回", (await db.WatchList.SingleAsync(Ct)).ClearReason);
        }

        // Decided 较差 again: the same entry reopens; then decided 一般 instead: cleared with the grade named.
        await app.PublishAsync(Graded(grading, 6, village, Grade.Poor, GradingStep.CountyDecided), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await OpenAsync(app) == true, Timeout);
        await app.PublishAsync(Graded(grading, 7, village, Grade.Average, GradingStep.CountyDecided), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await OpenAsync(app) == false, Timeout);
        await app.PublishAsync(Graded(grading, 5, village, Grade.Poor, GradingStep.CountyDecided), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 5, Timeout);

        await using var after = app.OpenDb();
        var entry = await after.WatchList.SingleAsync(Ct);
        Assert.Equal((false, "2025年度升级晋档改定为一般"), (entry.IsOpen, entry.ClearReason));
        Assert.Equal([(1L, false), (2L, true), (3L, false), (4L, true)],
            (await app.PublishedAsync<WatchListEntryChanged>()).Select(e => (e.Event.Version, e.Event.ClearedOn is not null)));
    }

    [Fact]
    public async Task A_poor_result_for_a_unit_that_is_no_village_in_service_is_not_watched()
    {
        await using var app = await PersonnelApp.StartAsync();
        await app.WaitForBusAsync();

        await app.PublishAsync(Graded(Guid.NewGuid(), 1, app.Tree.Id(TestTree.TownshipCode), Grade.Poor, GradingStep.CityFiled), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 1, Timeout);

        await using var db = app.OpenDb();
        Assert.Equal(0, await db.WatchList.CountAsync(Ct));
    }

    private static OrganizationGraded Graded(Guid id, long version, Guid unit, Grade grade, GradingStep step) =>
        new(id, version, Guid.NewGuid(), 2025, Guid.NewGuid(), "610502001201", unit, grade, step, Grade.Average, DateTimeOffset.UtcNow);

    private static async Task<bool?> OpenAsync(PersonnelApp app)
    {
        await using var db = app.OpenDb();
        return (await db.WatchList.SingleOrDefaultAsync(Ct))?.IsOpen;
    }

    private static async Task<int> InboxCountAsync(PersonnelApp app)
    {
        await using var db = app.OpenDb();
        return await db.Set<InboxMessage>().CountAsync(m => m.Consumer == OrganizationGradedConsumer.Name, Ct);
    }
}
