using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Files of visits and their uploads, as the ingest tests send them.</summary>
public static class Ingests
{
    public const string Ndjson = "application/x-ndjson";

    /// <summary>One NDJSON line of a visit.</summary>
    public static string Line(string organizationCode, string householdKey, string visitedOn = "2026-06-02", string visitor = "李干部") =>
        JsonSerializer.Serialize(new { organizationCode, householdKey, householdName = "王建国", phone = "13912345678", visitedOn, visitor, said = "希望修通村道" });

    public static string File(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    public static HttpContent Content(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid campaign, string file, string mediaType = Ndjson) =>
        SendAsync(client, campaign, Content(Encoding.UTF8.GetBytes(file), mediaType));

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid campaign, HttpContent content) =>
        client.PostAsync($"/api/surveys/campaigns/{campaign}/ingests", content, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> SummaryAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static (string Status, long Read, long Accepted, long Duplicates, long Rejected) Counts(JsonElement ingest) =>
        (ingest.GetProperty("status").GetString()!, ingest.GetProperty("linesRead").GetInt64(), ingest.GetProperty("accepted").GetInt64(),
            ingest.GetProperty("duplicates").GetInt64(), ingest.GetProperty("rejected").GetInt64());
}
