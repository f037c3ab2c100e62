namespace PartyPlatform.Assessments.Secretaries;

/// <summary>How a secretary's report, commitment or special report is rated (好、较好、一般、差); better first.</summary>
public enum Rating
{
    Good = 1,
    FairlyGood = 2,
    Average = 3,
    Poor = 4,
}
