using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Posts;

public sealed record BeginPostRequest(
    [property: Required] Guid? PersonId,
    [property: Required] Guid? UnitId,
    [property: Required] PostKind? Kind,
    [property: Required] DateOnly? Start);
