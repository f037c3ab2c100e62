using Microsoft.EntityFrameworkCore;
using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Live;

public static class FigureStreamExtensions
{
    /// <summary>The live updates: every commit of the read model, seen in one place, handed to the open streams.</summary>
    public static IHostApplicationBuilder AddFigureStream(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FigureBroadcaster>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FigureBroadcaster>());
        builder.Services.AddSingleton<FigureChangeInterceptor>();
        builder.Services.ConfigureDbContext<DashboardDb>((services, options) => options.AddInterceptors(services.GetRequiredService<FigureChangeInterceptor>()));
        return builder;
    }
}
