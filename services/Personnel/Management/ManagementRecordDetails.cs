using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Management;

/// <summary>What a management record says; <see cref="Check"/> ties it to the term it is recorded on and to today.</summary>
/// <param name="PeriodStart">The day, or the period's first day.</param>
/// <param name="PeriodEnd">The period's last day; the same as <paramref name="PeriodStart"/> for a day.</param>
/// <param name="Outcome">The assessment, the reward or the sanction; a target may be recorded before it has one.</param>
public sealed record ManagementRecordDetails(ManagementRecordKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string Description, string? Outcome)
{
    public void Check(Post post, DateOnly today)
    {
        if (post.Kind != PostKind.VillageSecretary)
        {
            throw new RuleViolationException("postId", $"Management records are kept for village secretaries; this term is a {post.Kind} post.");
        }

        if (PeriodEnd < PeriodStart)
        {
            throw new RuleViolationException("periodEnd", $"A period that begins on {PeriodStart:yyyy-MM-dd} ends on it or later, not on {PeriodEnd:yyyy-MM-dd}.");
        }

        if (PeriodStart > today)
        {
            throw new RuleViolationException("periodStart", $"{PeriodStart:yyyy-MM-dd} is in the future: a record is about what has begun.");
        }

        // Targets are set for a period still running; performance, rewards and faults are about what is over.
        if (Kind != ManagementRecordKind.Target && PeriodEnd > today)
        {
            throw new RuleViolationException("periodEnd", $"A {Kind} record covers what is over by today ({today:yyyy-MM-dd}), not a period until {PeriodEnd:yyyy-MM-dd}.");
        }

        // An ended term still takes records for the days it ran (the last year's assessment comes after the term).
        if (PeriodEnd < post.Start || post.End is { } end && PeriodStart >= end)
        {
            throw new RuleViolationException("periodStart",
                $"{PeriodStart:yyyy-MM-dd}–{PeriodEnd:yyyy-MM-dd} lies outside the term ({post.Start:yyyy-MM-dd}–{(post.End is { } last ? $"{last.AddDays(-1):yyyy-MM-dd}" : "running")}).");
        }

        if (Kind != ManagementRecordKind.Target && string.IsNullOrWhiteSpace(Outcome))
        {
            throw new RuleViolationException("outcome", $"A {Kind} record says its outcome.");
        }
    }
}
