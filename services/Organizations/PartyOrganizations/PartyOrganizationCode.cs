using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.PartyOrganizations;

/// <summary>
/// The stable code a county's file cites for a Party organisation. A village's or community's own
/// organisation has its unit's 12-digit division code. Any other gets an assigned one of 16
/// characters: the division code of the unit it was created on (or of that unit's nearest ancestor
/// that has one, twelve zeros when none does), a kind letter, and a 3-digit number counted per
/// those 13 characters, e.g. <c>610502001000E001</c>. The letter keeps it apart from every division
/// code; the number is never handed out twice, and the code never changes, even when a merge moves
/// the organisation to another unit.
/// </summary>
public static class PartyOrganizationCode
{
    public const int MaxLength = AssignedLength;

    public const int AssignedLength = DivisionCode.Length + 1 + SequenceDigits;

    public const int SequenceDigits = 3;

    public const int MaxSequence = 999;

    public const string NoDivisionCode = "000000000000";

    /// <summary>The division code an organisation of this kind takes from its unit, or null when one is assigned.</summary>
    public static string? OwnCode(PartyOrganizationKind kind, AdministrativeUnit unit) =>
        kind is PartyOrganizationKind.Village or PartyOrganizationKind.Community ? unit.Code : null;

    /// <summary>The letter between the division code and the number (V and C only for units without a code).</summary>
    public static char Letter(PartyOrganizationKind kind) => kind switch
    {
        PartyOrganizationKind.Village => 'V',
        PartyOrganizationKind.Community => 'C',
        PartyOrganizationKind.Enterprise => 'E',
        PartyOrganizationKind.SocialOrganization => 'S',
        PartyOrganizationKind.Institution => 'I',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What an assigned code's number is counted under: a division code and the kind letter.</summary>
    public static string Prefix(string? divisionCode, PartyOrganizationKind kind) => $"{divisionCode ?? NoDivisionCode}{Letter(kind)}";

    public static string Assigned(string prefix, int sequence) => $"{prefix}{sequence.ToString($"D{SequenceDigits}")}";
}
