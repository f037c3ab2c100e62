namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// Who leads a village (or community) now changed: a term began or ended, a holder's details changed, or the
/// village was merged away (then <see cref="Leaders"/> is empty). Published for every version with the whole list;
/// a consumer keeps the newest per village. Like <see cref="WealthLeaderChanged"/> it names nobody: a reader shows
/// the person by id, and the name through Personnel's API where its caller may see it. Ages travel as birth years,
/// so that a reader counts them on its own day.
/// </summary>
/// <param name="Leaders">The terms in post in the village, of the kinds <see cref="Kinds"/> lists, secretary first.</param>
public sealed record VillageLeadersChanged(Guid VillageId, long Version, IReadOnlyList<VillageLeader> Leaders, DateTimeOffset OccurredAt)
    : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => VillageId;

    /// <summary>The posts that lead a village; a college-graduate official assists and a reserve talent waits, so neither is listed.</summary>
    public static readonly IReadOnlyList<PostKind> Kinds = [PostKind.VillageSecretary, PostKind.VillageCommitteeDirector, PostKind.FirstSecretary];
}

/// <summary>One term in post. One person holding the secretary's and the director's term (一肩挑) appears in both, with one person id.</summary>
/// <param name="Education">The holder's education, by the name of Personnel's level (as in <see cref="VillageSecretaryProfileChanged.ByEducation"/>).</param>
/// <param name="Source">The holder's source (致富带头人, …), by name.</param>
public sealed record VillageLeader(Guid PostId, PostKind Kind, Guid PersonId, DateOnly Since, int BirthYear, string Education, string Source);
