using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>The dashboard's copy of a county's score and rank in a year's county assessment; the explanation stays with Assessments.</summary>
public sealed class CountyScoreRecord : IVersionedCopy<CountyScoreRecord, CountyScoreChanged>
{
    public Guid ScoreId { get; private set; }

    public int Year { get; private set; }

    public Guid CountyId { get; private set; }

    public string CountyName { get; private set; } = "";

    public decimal Total { get; private set; }

    public int Rank { get; private set; }

    public int Counties { get; private set; }

    public decimal Deducted { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<CountyScoreRecord, CountyScoreChanged>.EntityId => ScoreId;

    public static CountyScoreRecord From(CountyScoreChanged change)
    {
        var record = new CountyScoreRecord { ScoreId = change.ScoreId };
        record.Apply(change);
        return record;
    }

    public bool Apply(CountyScoreChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (Year, CountyId, CountyName, Total, Rank, Counties) = (change.Year, change.CountyId, change.CountyName, change.Total, change.Rank, change.Counties);
        Deducted = change.Deductions.Sum(d => d.Points);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
