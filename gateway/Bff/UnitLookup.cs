using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// The signed-in person's unit as Organizations knows it (id and name; the token carries only the code),
/// asked with the person's own token, so it answers within the same scope as any other call.
/// </summary>
public sealed partial class UnitLookup(IHttpClientFactory clients, ILogger<UnitLookup> logger)
{
    public const string ClientName = "organizations-units";

    public sealed record Unit(Guid Id, string Name);

    /// <summary>The unit, or null when Organizations does not know it or cannot answer now.</summary>
    public async Task<Unit?> FindAsync(string unitCode, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/organizations/unit-codes/{Uri.EscapeDataString(unitCode)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<Unit>(ct) is { Name: not null } unit && unit.Id != Guid.Empty)
            {
                return unit;
            }

            LogNotFound(logger, unitCode, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, e);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organizations answered {Status} for the signed-in person's unit {UnitCode}.")]
    private static partial void LogNotFound(ILogger logger, string unitCode, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organizations did not answer for the signed-in person's unit.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
