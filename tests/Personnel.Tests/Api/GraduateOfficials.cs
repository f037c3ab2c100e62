using System.Net.Http.Json;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Graduates to register and hire as village officials, each with an ID number of their own (its check character found by the service's own check).</summary>
public static class GraduateOfficials
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid ID number of county <paramref name="countyPrefix"/> (6 digits), born in 1998, numbered <paramref name="n"/>.</summary>
    public static string IdNumber(string countyPrefix, int n)
    {
        var first17 = $"{countyPrefix}19980101{n:D3}";
        return first17 + "0123456789X".First(c => CitizenIdNumber.TryParse(first17 + c, out _, out _));
    }

    public static async Task<Guid> RegisterAsync(HttpClient client, Guid unitId, int n, string countyPrefix = "610502") =>
        await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people",
            People.Body(unitId, IdNumber(countyPrefix, n), $"村官{n}", $"1381234{n:D4}", joinedPartyOn: "2019-06-01"), Ct));

    public static object Hire(Guid personId, Guid unitId, string hiredOn = "2024-08-01", string termEnds = "2027-07-31") =>
        new { personId, unitId, hiredOn, termEnds };

    /// <summary>Registers a graduate on the village and hires them there; the official's id.</summary>
    public static async Task<Guid> HireAsync(HttpClient client, Guid village, int n, string hiredOn = "2024-08-01", string termEnds = "2027-07-31", string countyPrefix = "610502")
    {
        var person = await RegisterAsync(client, village, n, countyPrefix);
        return await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/graduate-officials", Hire(person, village, hiredOn, termEnds), Ct));
    }
}
