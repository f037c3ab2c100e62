namespace PartyPlatform.Personnel.People;

/// <summary>
/// How personal information reads for everyone but a personnel officer of the person's unit
/// (个人信息保护法): enough to tell two records apart, not enough to use.
/// </summary>
public static class PersonalInformationMask
{
    /// <summary>The region code and the last four characters: <c>610502********1234</c>.</summary>
    public static string IdNumber(string idNumber) =>
        idNumber.Length == CitizenIdNumber.Length ? $"{idNumber[..6]}{new string('*', 8)}{idNumber[^4..]}" : new string('*', idNumber.Length);

    /// <summary>The first three and the last four digits of a mobile number: <c>139****5678</c>; shorter numbers entirely.</summary>
    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: >= 11 } => $"{phone[..3]}{new string('*', phone.Length - 7)}{phone[^4..]}",
        _ => new string('*', phone.Length),
    };
}
