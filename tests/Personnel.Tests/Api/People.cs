namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Valid people to register (GB 11643 check characters computed), each with its own ID number.</summary>
public static class People
{
    public const string SecretaryIdNumber = "610502198503141236";
    public const string DirectorIdNumber = "610502199001010011";

    public static object Body(Guid unitId, string idNumber = SecretaryIdNumber, string name = "张建国", string? phone = "13912345678", string joinedPartyOn = "2010-07-01") => new
    {
        unitId,
        name,
        gender = "Male",
        birthDate = $"{idNumber[6..10]}-{idNumber[10..12]}-{idNumber[12..14]}",
        ethnicity = "汉族",
        education = "SeniorSecondary",
        joinedPartyOn,
        source = "WealthLeader",
        idNumber,
        phone,
    };
}
