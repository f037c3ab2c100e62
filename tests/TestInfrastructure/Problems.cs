using System.Net;
using System.Text.Json;
using Xunit;

namespace PartyPlatform.TestInfrastructure;

public static class Problems
{
    /// <summary>Asserts a 400 ProblemDetails whose errors name <paramref name="field"/> (a JSON path as the client sent it).</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body}");
    }
}
