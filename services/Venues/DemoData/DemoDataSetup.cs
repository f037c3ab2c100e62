namespace PartyPlatform.Venues.DemoData;

public static class DemoDataSetup
{
    /// <summary>The demo venue loader, only when <c>DemoData:Load</c> is on (the AppHost's run mode).</summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DemoDataOptions.Section);
        builder.Services.Configure<DemoDataOptions>(section);
        if (section.Get<DemoDataOptions>()?.Load == true)
        {
            builder.Services.AddHostedService<DemoVenueLoader>();
        }

        return builder;
    }
}
