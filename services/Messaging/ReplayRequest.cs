using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.Messaging;

/// <summary>
/// At every start, once this service's own queues are bound, sends one message to another
/// service's replay queue: "publish your current state again". A copy built from events then
/// catches up on what was published while its queue did not exist, with no bookkeeping of what
/// it might have missed; replayed events keep their versions, so what it holds is left alone.
/// </summary>
public static partial class ReplayRequest
{
    public static IHostApplicationBuilder AddReplayRequest<T>(this IHostApplicationBuilder builder, string queue, Func<DateTimeOffset, T> request)
        where T : class
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHostedService>(services => new Sender<T>(
            services.GetRequiredService<IBusControl>(), services.GetRequiredService<TimeProvider>(), queue, request,
            services.GetRequiredService<ILogger<Sender<T>>>()));
        return builder;
    }

    private sealed partial class Sender<T>(IBusControl bus, TimeProvider time, string queue, Func<DateTimeOffset, T> request, ILogger logger)
        : BackgroundService
        where T : class
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Not before this service's own queues are bound: a replay answered earlier would miss them.
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(request(time.GetUtcNow()), stoppingToken);
            LogRequested(logger, queue);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Asked for a replay on {Queue}")]
        private static partial void LogRequested(ILogger logger, string queue);
    }
}
