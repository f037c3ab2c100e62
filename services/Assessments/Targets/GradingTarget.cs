using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.Targets;

/// <summary>
/// A round's targets for the city, or for a county that set its own (目标任务): the share of 好 and 较好 results at
/// least, the share of 较差 at most. A county without its own is held to the city's.
/// </summary>
public sealed class GradingTarget : IPublishedEntity
{
    private GradingTarget()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RoundId { get; private set; }

    public int Year { get; private set; }

    public Guid UnitId { get; private set; }

    public decimal GoodShareAtLeast { get; private set; }

    public decimal PoorShareAtMost { get; private set; }

    public string SetBy { get; private set; } = "";

    public DateTimeOffset SetAt { get; private set; }

    public long Version { get; private set; } = 1;

    public static GradingTarget Set(Guid roundId, int year, Guid unitId, decimal goodShareAtLeast, decimal poorShareAtMost, string actor, DateTimeOffset now)
    {
        return new GradingTarget
        {
            RoundId = roundId, Year = year, UnitId = unitId, GoodShareAtLeast = goodShareAtLeast, PoorShareAtMost = poorShareAtMost, SetBy = actor, SetAt = now,
        };
    }

    /// <returns>Whether anything changed (a resend of the same targets does not).</returns>
    public bool Change(decimal goodShareAtLeast, decimal poorShareAtMost, string actor, DateTimeOffset now)
    {
        if (goodShareAtLeast == GoodShareAtLeast && poorShareAtMost == PoorShareAtMost)
        {
            return false;
        }

        (GoodShareAtLeast, PoorShareAtMost, SetBy, SetAt) = (goodShareAtLeast, poorShareAtMost, actor, now);
        Version++;
        return true;
    }

    /// <summary>Throws <see cref="RuleViolationException"/>, naming the field, unless these targets ask no less than <paramref name="city"/>'s.</summary>
    public static void EnsureNotLooser(decimal goodShareAtLeast, decimal poorShareAtMost, GradingTarget city)
    {
        if (goodShareAtLeast < city.GoodShareAtLeast)
        {
            throw new RuleViolationException("goodShareAtLeast",
                $"A county's target for 好 and 较好 cannot be looser than the city's: at least {city.GoodShareAtLeast} %, not {goodShareAtLeast} %.");
        }

        if (poorShareAtMost > city.PoorShareAtMost)
        {
            throw new RuleViolationException("poorShareAtMost",
                $"A county's target for 较差 cannot be looser than the city's: at most {city.PoorShareAtMost} %, not {poorShareAtMost} %.");
        }
    }

    /// <summary>Whether a distribution of results meets these targets; null before there is any result.</summary>
    public bool? IsMetBy(decimal? goodShare, decimal? poorShare) =>
        goodShare is { } good && poorShare is { } poor ? good >= GoodShareAtLeast && poor <= PoorShareAtMost : null;

    public GradingTargetsChanged ToEvent() => new(Id, Version, RoundId, Year, UnitId, GoodShareAtLeast, PoorShareAtMost, SetAt);
}
