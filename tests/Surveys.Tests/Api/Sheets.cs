using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Files sent and read back the way the sheet tests share.</summary>
public static class Sheets
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts <paramref name="file"/> as the body, with <paramref name="mediaType"/> (which may name a charset) as its Content-Type.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] file, string mediaType)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return client.PostAsync(path, content, Ct);
    }

    /// <summary>Posts <paramref name="file"/> and reads the answer of an import that must succeed.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, string path, byte[] file, string mediaType)
    {
        var response = await PostAsync(client, path, file, mediaType);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The lines of an exported CSV, its byte order mark and line ends taken off.</summary>
    public static async Task<string[]> TextAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToArray();
    }
}
