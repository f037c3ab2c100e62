using System.Net.Http.Json;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Valid people to register (GB 11643 check characters computed), each with its own ID number.</summary>
public static class People
{
    public const string SecretaryIdNumber = "610502198503141236";
    public const string DirectorIdNumber = "610502199001010011";

    /// <summary>More people of county A, for tests that need several.</summary>
    public static readonly string[] MoreIdNumbers = ["61050219780505001X", "610502198208080020", "61050219880909003X", "610502197511110048"];

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

    public static async Task<Guid> RegisterAsync(HttpClient client, Guid unitId, string idNumber, string name = "张建国") =>
        await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", Body(unitId, idNumber, name), TestContext.Current.CancellationToken));

    public static async Task<Guid> BeginTermAsync(HttpClient client, Guid personId, Guid unitId, string kind, string start) =>
        await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts", new { personId, unitId, kind, start }, TestContext.Current.CancellationToken));
}
