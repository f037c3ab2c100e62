using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Management;

/// <summary>
/// One management record of a village secretary's term (目标考核、绩效考核、激励表彰、过错追究). Records are
/// append-only: nothing changes one once written; a correction is a new record.
/// </summary>
public sealed class ManagementRecord
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PostId { get; private set; }

    public ManagementRecordKind Kind { get; private set; }

    /// <summary>The day, or the period's first day.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>The period's last day; <see cref="PeriodStart"/> for a day.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public string Description { get; private set; } = "";

    public string? Outcome { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static ManagementRecord Record(Post post, ManagementRecordDetails details, DateOnly today, DateTimeOffset now)
    {
        details.Check(post, today);
        return new ManagementRecord
        {
            PostId = post.Id,
            Kind = details.Kind,
            PeriodStart = details.PeriodStart,
            PeriodEnd = details.PeriodEnd,
            Description = details.Description,
            Outcome = details.Outcome,
            RecordedAt = now,
        };
    }
}
