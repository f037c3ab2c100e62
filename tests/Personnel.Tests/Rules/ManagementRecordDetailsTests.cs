using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Management;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class ManagementRecordDetailsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData(ManagementRecordKind.Target, "2026-01-01", "2026-12-31")]
    [InlineData(ManagementRecordKind.Performance, "2025-01-01", "2025-12-31")]
    [InlineData(ManagementRecordKind.Reward, "2026-06-01", "2026-06-01")]
    [InlineData(ManagementRecordKind.Fault, "2021-01-01", "2021-01-01")]
    public void A_record_on_a_running_village_secretary_term_covers_days_of_the_term_and_only_a_target_reaches_past_today(
        ManagementRecordKind kind, string start, string end) =>
        Details(kind, start, end).Check(Secretary(), Today);

    [Theory]
    [InlineData(ManagementRecordKind.Performance, "2025-01-01", "2025-12-31")]
    [InlineData(ManagementRecordKind.Fault, "2026-02-28", "2026-02-28")]
    public void An_ended_term_still_takes_records_for_the_days_it_ran(ManagementRecordKind kind, string start, string end) =>
        Details(kind, start, end).Check(Secretary(ended: new DateOnly(2026, 3, 1)), Today);

    [Theory]
    [InlineData(ManagementRecordKind.Reward, "2026-05-02", "2026-05-01", "periodEnd")]
    [InlineData(ManagementRecordKind.Target, "2026-06-02", "2026-12-31", "periodStart")]
    [InlineData(ManagementRecordKind.Performance, "2026-01-01", "2026-06-30", "periodEnd")]
    [InlineData(ManagementRecordKind.Reward, "2020-12-31", "2020-12-31", "periodStart")]
    public void A_record_outside_its_rules_is_refused_naming_the_field(ManagementRecordKind kind, string start, string end, string field)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Details(kind, start, end).Check(Secretary(), Today));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_record_after_an_ended_term_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            Details(ManagementRecordKind.Fault, "2026-03-01", "2026-03-01").Check(Secretary(ended: new DateOnly(2026, 3, 1)), Today));

        Assert.Equal("periodStart", refused.Field);
    }

    [Theory]
    [InlineData(PostKind.VillageCommitteeDirector)]
    [InlineData(PostKind.ReserveTalent)]
    [InlineData(PostKind.TownshipSecretary)]
    public void Only_a_village_secretary_term_takes_management_records(PostKind kind)
    {
        var post = Post.Begin(Guid.NewGuid(), Guid.NewGuid(), kind, new DateOnly(2021, 1, 1));

        var refused = Assert.Throws<RuleViolationException>(() => Details(ManagementRecordKind.Reward, "2026-05-01", "2026-05-01").Check(post, Today));

        Assert.Equal("postId", refused.Field);
    }

    [Theory]
    [InlineData(ManagementRecordKind.Performance)]
    [InlineData(ManagementRecordKind.Reward)]
    [InlineData(ManagementRecordKind.Fault)]
    public void Only_a_target_may_wait_for_its_outcome(ManagementRecordKind kind)
    {
        var details = Details(kind, "2026-05-01", "2026-05-01") with { Outcome = null };

        var refused = Assert.Throws<RuleViolationException>(() => details.Check(Secretary(), Today));
        (details with { Kind = ManagementRecordKind.Target }).Check(Secretary(), Today);

        Assert.Equal("outcome", refused.Field);
    }

    private static Post Secretary(DateOnly? ended = null)
    {
        var post = Post.Begin(Guid.NewGuid(), Guid.NewGuid(), PostKind.VillageSecretary, new DateOnly(2021, 1, 1));
        if (ended is { } end)
        {
            post.Finish(end, "换届");
        }

        return post;
    }

    private static ManagementRecordDetails Details(ManagementRecordKind kind, string start, string end) =>
        new(kind, DateOnly.Parse(start), DateOnly.Parse(end), "年度目标责任书", "优秀");
}
