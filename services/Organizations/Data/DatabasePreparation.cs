using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Auditing;
using PartyPlatform.Organizations.DemoData;
using PartyPlatform.Organizations.Imports;

namespace PartyPlatform.Organizations.Data;

public static partial class DatabasePreparation
{
    /// <summary>
    /// Applies migrations (creating the database if needed) before the service takes requests, then
    /// loads the demo city into an empty tree when configured to.
    /// </summary>
    public static async Task PrepareOrganizationsDbAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationsDb>();
        await db.MigrateAsync();

        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (demo.Load && !await db.Units.AnyAsync())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(DemoCity.Generate(), CancellationToken.None);
            LogDemoLoaded(app.Logger, result.Created, result.PartyOrganizationsCreated);
        }

        if (demo.Load && await db.Units.AnyAsync(u => u.Code == DemoCity.CityCode))
        {
            var added = await DemoPartyOrganizations.AddMissingAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
            if (added > 0)
            {
                LogDemoBodiesLoaded(app.Logger, added);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the synthetic demo city: {Units} units, {Organizations} Party organisations")]
    private static partial void LogDemoLoaded(ILogger logger, int units, int organizations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Organizations} Party organisations of the demo city's enterprises and new social organisations")]
    private static partial void LogDemoBodiesLoaded(ILogger logger, int organizations);
}
