using PartyPlatform.Assessments.Facts;
using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.SpecialReports;

/// <summary>
/// A county Party secretary's special report on venue construction (专项述职), owed for each venue deadline Venues found
/// the county short at (<see cref="VenueDeadlineFact"/>, kept by its id): submitted by the county (or the city), evaluated by the city.
/// </summary>
public sealed class SpecialReport
{
    public const int MaxTextLength = 8000;
    public const int MaxCommentLength = 2000;

    private SpecialReport()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The deadline fact that requires it: one special report per fact.</summary>
    public Guid FactId { get; private set; }

    public Guid CountyId { get; private set; }

    public DateOnly Deadline { get; private set; }

    public string Text { get; private set; } = "";

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public Rating? Rating { get; private set; }

    public string? Comment { get; private set; }

    public string? EvaluatedBy { get; private set; }

    public DateTimeOffset? EvaluatedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public static SpecialReport Submit(VenueDeadlineFact requiredBy, string text, string actor, DateTimeOffset now) => new()
    {
        FactId = requiredBy.FactId, CountyId = requiredBy.Fact.UnitId, Deadline = requiredBy.Fact.Deadline, Text = text, SubmittedBy = actor, SubmittedAt = now,
    };

    public void Evaluate(Rating rating, string? comment, string actor, DateTimeOffset now)
    {
        if (EvaluatedAt is not null)
        {
            throw new ConflictException($"The city evaluated this special report on {EvaluatedAt:yyyy-MM-dd}; it is final.");
        }

        Rating = rating;
        Comment = comment;
        EvaluatedBy = actor;
        EvaluatedAt = now;
        Version++;
    }
}
