namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>One of the 七个一 activities done by an official (a configured code), once per official.</summary>
public sealed class GraduateOfficialActivity
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OfficialId { get; private set; }

    public string Code { get; private set; } = "";

    public DateOnly DoneOn { get; private set; }

    public string? Note { get; private set; }

    public static GraduateOfficialActivity Record(GraduateOfficial official, string code, DateOnly doneOn, string? note, DateOnly today)
    {
        WorkRecordDay.Check("doneOn", official, doneOn, today);
        return new GraduateOfficialActivity { OfficialId = official.Id, Code = code, DoneOn = doneOn, Note = note };
    }
}
