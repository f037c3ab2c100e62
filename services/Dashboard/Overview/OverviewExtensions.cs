namespace PartyPlatform.Dashboard.Overview;

public static class OverviewExtensions
{
    /// <summary>The overview's kept answers (see <see cref="OverviewOptions.CacheFor"/>).</summary>
    public static IHostApplicationBuilder AddOverview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<OverviewOptions>().BindConfiguration(OverviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
