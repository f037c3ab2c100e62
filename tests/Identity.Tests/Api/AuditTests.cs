using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Account_changes_are_on_record_and_secrets_never_are()
    {
        await using var app = await IdentityApp.StartAsync();
        var http = app.CreateClient();

        var created = await http.PostAsJsonAsync("/api/identity/users",
            new { userName = "audit-person", displayName = "审计测试", unitCode = "610502000000", roles = new[] { "CountyOperator" } }, Ct);
        var password = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("password").GetString()!;
        (await http.PostAsync("/api/identity/users/audit-person/disable", null, Ct)).EnsureSuccessStatusCode();

        var audit = await http.GetFromJsonAsync<JsonElement>("/api/identity/audit?entityType=Person", Ct);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Modified", "Added"], entries.Select(e => e.GetProperty("action").GetString()));
        var disabled = entries[0].GetProperty("changes").GetProperty("Disabled");
        Assert.Equal((false, true), (disabled.GetProperty("before").GetBoolean(), disabled.GetProperty("after").GetBoolean()));
        Assert.Equal("(redacted)", entries[1].GetProperty("changes").GetProperty("PasswordHash").GetProperty("after").GetString());

        var everything = await http.GetStringAsync("/api/identity/audit?pageSize=500", Ct);
        Assert.DoesNotContain(password, everything);
        Assert.DoesNotContain("AQAAAA", everything); // the PasswordHasher's format marker
    }
}
