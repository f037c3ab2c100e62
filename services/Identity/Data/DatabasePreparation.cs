using Microsoft.AspNetCore.Identity;
using PartyPlatform.Auditing;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using PartyPlatform.Identity.People;
using PartyPlatform.Identity.Tokens;

namespace PartyPlatform.Identity.Data;

public static partial class DatabasePreparation
{
    /// <summary>
    /// Before the service takes requests: applies migrations (creating the database if needed), loads
    /// the server's keys (making them on a first start), registers the web page's client and, in
    /// development only, seeds the demo accounts.
    /// </summary>
    public static async Task PrepareIdentityDbAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IdentityDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var settings = services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();

        await db.MigrateAsync();
        await services.GetRequiredService<ServerKeyRing>().LoadAsync(db, time, CancellationToken.None);
        await WebClientRegistration.EnsureAsync(applications, settings.WebClient, CancellationToken.None);

        if (settings.SeedDemoAccounts)
        {
            var created = await DemoAccounts.DemoAccounts.SeedAsync(
                db, applications, services.GetRequiredService<IPasswordHasher<Person>>(), time.GetUtcNow(), CancellationToken.None);
            LogDemoSeeded(app.Logger, created);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Identity:SeedDemoAccounts is on: {Created} demo accounts with published development credentials were created. Never in production.")]
    private static partial void LogDemoSeeded(ILogger logger, int created);
}
