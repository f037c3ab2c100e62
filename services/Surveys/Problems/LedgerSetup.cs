using PartyPlatform.Surveys.Rectification;

namespace PartyPlatform.Surveys.Problems;

/// <summary>The ledger and its rectification: their terms, the overdue watch and their endpoints.</summary>
public static class LedgerSetup
{
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Categories.Count > 0 && o.Categories.All(c => c.Code.Length is > 0 and <= LedgerCategory.MaxCodeLength && c.Name.Length > 0)
                           && o.Categories.DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Count() == o.Categories.Count,
                $"{LedgerOptions.Section}:Categories needs at least one category, each with a code (at most {LedgerCategory.MaxCodeLength} characters, unique) and a name.")
            .ValidateOnStart();
        builder.AddWatch<OverdueCheck>("Surveys:OverdueWatch", (check, ct) => check.RunAsync(ct));
        return builder;
    }

    public static void MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        routes.MapProblemsApi();
        routes.MapRectificationApi();
        routes.MapLedgerSheetsApi();
    }
}
