namespace PartyPlatform;

/// <summary>
/// How personal information reads for everyone but a personnel officer of its unit (个人信息保护法):
/// enough to tell two records apart, not enough to use. Personnel's people and Surveys' households alike.
/// </summary>
public static class PersonalInformationMask
{
    private const int IdNumberLength = 18;

    /// <summary>The region code and the last four characters: <c>610502********1234</c>.</summary>
    public static string IdNumber(string idNumber) =>
        idNumber.Length == IdNumberLength ? $"{idNumber[..6]}{new string('*', 8)}{idNumber[^4..]}" : new string('*', idNumber.Length);

    /// <summary>The first three and the last four digits of a mobile number: <c>139****5678</c>; shorter numbers entirely.</summary>
    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: >= 11 } => $"{phone[..3]}{new string('*', phone.Length - 7)}{phone[^4..]}",
        _ => new string('*', phone.Length),
    };

    /// <summary>A household's name: the family name only, <c>王**</c>.</summary>
    public static string? Name(string? name) => name switch
    {
        null or "" => name,
        _ => $"{name[..1]}{new string('*', name.Length - 1)}",
    };

    /// <summary>A county system's household key: its last four characters, <c>****0421</c>; shorter keys entirely.</summary>
    public static string Key(string key) =>
        key.Length > 4 ? $"{new string('*', key.Length - 4)}{key[^4..]}" : new string('*', key.Length);
}
