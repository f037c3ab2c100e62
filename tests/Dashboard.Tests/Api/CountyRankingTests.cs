using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>Assessments' county scores in the read model: the newest version wins, a repeated fact counts once, a county sees its own row.</summary>
public sealed class CountyRankingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ranking_keeps_each_countys_newest_score_once_and_a_county_reads_its_own_row()
    {
        await using var app = await DashboardApp.StartAsync();
        var (countyA, countyB) = (app.Tree.Id(DashboardTree.CountyCode), app.Tree.Id(DashboardTree.OtherCountyCode));
        var (scoreA, scoreB) = (Guid.NewGuid(), Guid.NewGuid());
        var repeated = Guid.NewGuid();
        await app.PublishAsync(Score(scoreA, 3, countyA, "临渭区", 62.5m, 2, deducted: 10), Guid.NewGuid(), Ct);
        await app.PublishAsync(Score(scoreB, 2, countyB, "华州区", 80m, 1, deducted: 0), repeated, Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.CountyScores.CountAsync(Ct) == 2;
        }, Timeout);
        // Late and repeated: an older score of county A and the same fact of county B again change nothing.
        var late = Guid.NewGuid();
        await app.PublishAsync(Score(scoreA, 2, countyA, "临渭区", 99m, 1, deducted: 0), late, Ct);
        await app.PublishAsync(Score(scoreB, 2, countyB, "华州区", 80m, 1, deducted: 0), repeated, Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == late && m.Consumer == CountyScoreChangedConsumer.Name, Ct);
        }, Timeout);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/ranking", Ct);
        Assert.Equal(2026, city.GetProperty("year").GetInt32());
        Assert.Equal([(countyB, 1, 80m, 0m), (countyA, 2, 62.5m, 10m)], Rows(city));

        var township = await app.CreateClientAs(PlatformRoles.TownshipOperator, DashboardTree.TownshipCode)
            .GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/ranking?year=2026", Ct);
        Assert.Equal([(countyA, 2, 62.5m, 10m)], Rows(township));
    }

    [Fact]
    public async Task Before_any_score_the_answer_is_an_empty_state()
    {
        await using var app = await DashboardApp.StartAsync();

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/ranking", Ct);

        Assert.Equal(JsonValueKind.Null, city.GetProperty("year").ValueKind);
        Assert.Empty(city.GetProperty("counties").EnumerateArray());
    }

    private static List<(Guid, int, decimal, decimal)> Rows(JsonElement ranking) =>
        ranking.GetProperty("counties").EnumerateArray()
            .Select(c => (c.GetProperty("countyId").GetGuid(), c.GetProperty("rank").GetInt32(), c.GetProperty("total").GetDecimal(), c.GetProperty("deducted").GetDecimal())).ToList();

    private static CountyScoreChanged Score(Guid id, long version, Guid county, string name, decimal total, int rank, decimal deducted) =>
        new(id, version, 2026, county, name, total, rank, 2, [new IndicatorScoreFact("venues", "活动场所建设", 100, total + deducted, "")],
            deducted > 0 ? [new DeductionFact("活动场所建设未按期完成", deducted, "截止时覆盖率75%", Guid.NewGuid())] : [], DateTimeOffset.UtcNow);
}
