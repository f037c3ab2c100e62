using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyPlatform.Contracts;

namespace PartyPlatform.Messaging;

/// <summary>
/// At every start, once this service's own queues are bound, sends one message to another
/// service's replay queue: "publish your current state again". A copy built from events then
/// catches up on what was published while its queue did not exist, with no bookkeeping of what
/// it might have missed; replayed events keep their versions, so what it holds is left alone.
/// The request says what the copy holds (<see cref="CopyDigest"/>), so that a copy that is current,
/// as after most restarts, costs its source one count instead of a replay of everything.
/// </summary>
public static partial class ReplayRequest
{
    /// <param name="request">The request, made in a scope of its own (for the copy's database) at the given time.</param>
    public static IHostApplicationBuilder AddReplayRequest<T>(
        this IHostApplicationBuilder builder, string queue, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<T>> request)
        where T : class
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHostedService>(services => new Sender<T>(
            services.GetRequiredService<IBusControl>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(), queue, request, services.GetRequiredService<ILogger<Sender<T>>>()));
        return builder;
    }

    /// <summary>The figures of a copy: how many rows, and the sum of their versions (<see cref="CopyDigest"/>).</summary>
    public static async Task<CopyDigest> DigestAsync<T>(this IQueryable<T> copies, Expression<Func<T, long>> version, CancellationToken cancellationToken) =>
        // Count before sum: the copy only grows, so a figure read later can only be ahead, and a
        // copy caught mid-change then differs from its source rather than matching it by chance.
        new(await copies.LongCountAsync(cancellationToken), await copies.SumAsync(version, cancellationToken));

    private sealed partial class Sender<T>(
        IBusControl bus, IServiceScopeFactory scopes, TimeProvider time, string queue,
        Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<T>> request, ILogger logger)
        : BackgroundService
        where T : class
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Not before this service's own queues are bound: a replay answered earlier would miss them.
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            T message;
            await using (var scope = scopes.CreateAsyncScope())
            {
                message = await request(scope.ServiceProvider, time.GetUtcNow(), stoppingToken);
            }

            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(message, stoppingToken);
            LogRequested(logger, queue);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Asked for a replay on {Queue}")]
        private static partial void LogRequested(ILogger logger, string queue);
    }
}
