using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Personnel.Tests.Api;

public static class Created
{
    /// <summary>The id of what a write created; a failed write fails the test with the service's answer.</summary>
    public static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }
}
