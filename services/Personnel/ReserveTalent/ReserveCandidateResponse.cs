using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>A running reserve-talent candidate, the village they are meant for, and the courses they completed.</summary>
/// <param name="PostId">The reserve-talent term.</param>
/// <param name="Start">The day the term began.</param>
public sealed record ReserveCandidateResponse(
    Guid PostId,
    Guid PersonId,
    string Name,
    DateOnly BirthDate,
    Education Education,
    Guid VillageId,
    string VillageName,
    string? VillageCode,
    DateOnly Start,
    int CoursesCompleted);
