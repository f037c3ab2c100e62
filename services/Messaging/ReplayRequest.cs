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
        builder.Services.TryAddSingleton<ReplayRequests>();
        var registration = new ReplayRequests.Registration(queue, async (services, now, ct) => await request(services, now, ct));
        builder.Services.AddSingleton(registration);
        builder.Services.AddSingleton<IHostedService>(services => new Sender(
            services.GetRequiredService<IBusControl>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<ReplayRequests>(), registration, services.GetRequiredService<ILogger<Sender>>()));
        return builder;
    }

    /// <summary>The figures of a copy: how many rows, and the sum of their versions (<see cref="CopyDigest"/>).</summary>
    public static async Task<CopyDigest> DigestAsync<T>(this IQueryable<T> copies, Expression<Func<T, long>> version, CancellationToken cancellationToken) =>
        // Count before sum: the copy only grows, so a figure read later can only be ahead, and a
        // copy caught mid-change then differs from its source rather than matching it by chance.
        new(await copies.LongCountAsync(cancellationToken), await copies.SumAsync(version, cancellationToken));

    private sealed partial class Sender(
        IBusControl bus, IServiceScopeFactory scopes, ReplayRequests requests, ReplayRequests.Registration registration, ILogger logger)
        : BackgroundService
    {
        private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Not before this service's own queues are bound: a replay answered earlier would miss them.
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            while (true)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await requests.SendAsync(registration, scope.ServiceProvider, stoppingToken);
                    LogRequested(logger, registration.Queue);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The copy's database or the broker is away: try again rather than let the failure stop the service.
                    LogFailed(logger, registration.Queue, RetryAfter, e);
                    await Task.Delay(RetryAfter, stoppingToken);
                }
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Asked for a replay on {Queue}")]
        private static partial void LogRequested(ILogger logger, string queue);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask for a replay on {Queue}; trying again in {RetryAfter}")]
        private static partial void LogFailed(ILogger logger, string queue, TimeSpan retryAfter, Exception exception);
    }
}

/// <summary>
/// The replay requests this service makes at start (<see cref="ReplayRequest.AddReplayRequest{T}"/>), to make again on
/// demand: copies emptied on purpose are then filled again by their sources, exactly as at a first start.
/// </summary>
public sealed class ReplayRequests(IBus bus, TimeProvider time, IEnumerable<ReplayRequests.Registration> registrations)
{
    public sealed record Registration(string Queue, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task<object>> Request);

    /// <summary>Every request, each made now from <paramref name="services"/> (the copies' database as it is).</summary>
    /// <returns>The queues asked.</returns>
    public async Task<IReadOnlyList<string>> SendAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var queues = new List<string>();
        foreach (var registration in registrations)
        {
            await SendAsync(registration, services, cancellationToken);
            queues.Add(registration.Queue);
        }

        return queues;
    }

    internal async Task SendAsync(Registration registration, IServiceProvider services, CancellationToken cancellationToken)
    {
        var message = await registration.Request(services, time.GetUtcNow(), cancellationToken);
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{registration.Queue}"));
        await endpoint.Send(message, cancellationToken);
    }
}
