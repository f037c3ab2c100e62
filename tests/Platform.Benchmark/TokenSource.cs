using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>A county system's token, asked for through the gateway and renewed when half spent.</summary>
public sealed class TokenSource(HttpClient gateway, string clientId, string secret)
{
    private readonly SemaphoreSlim renewing = new(1, 1);
    private AuthenticationHeaderValue? header;
    private DateTimeOffset renewAt;

    public async ValueTask<AuthenticationHeaderValue> HeaderAsync(CancellationToken cancellationToken)
    {
        if (header is { } current && DateTimeOffset.UtcNow < renewAt)
        {
            return current;
        }

        await renewing.WaitAsync(cancellationToken);
        try
        {
            if (header is null || DateTimeOffset.UtcNow >= renewAt)
            {
                using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = secret,
                }), cancellationToken);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                header = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
                renewAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(body.GetProperty("expires_in").GetInt32()) / 2;
            }

            return header;
        }
        finally
        {
            renewing.Release();
        }
    }
}
