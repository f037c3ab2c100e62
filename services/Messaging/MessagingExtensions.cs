using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the platform's rules: queues named after the service, publisher
    /// confirms, exponential retries and then the queue's _error queue (MassTransit's default fault path),
    /// and a bus that starts once the broker is there.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var connectionString = builder.Configuration.GetConnectionString(options.ConnectionName)
                               ?? throw new InvalidOperationException(
                                   $"Connection string '{options.ConnectionName}' (the broker's amqp:// URI) is missing.");
        var broker = new Uri(connectionString);

        builder.Services.Configure<MassTransitHostOptions>(host => host.StopTimeout = options.StopTimeout);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // While the service's database is unreachable (restarting, say) the message waits, unacknowledged,
                // and is applied once it is back, instead of spending the few quick retries and going to _error
                // for a hand to replay. The two policies take disjoint exceptions: nested policies that both
                // handled one would not add up (MassTransit keeps the first one's retry state).
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(DatabaseOutage.Is);
                    retry.Exponential(options.DatabaseOutageRetryLimit, options.RetryMaxInterval, options.DatabaseOutageMaxInterval, options.RetryMaxInterval);
                });
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(DatabaseOutage.Is);
                    retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
                });
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host =>
                {
                    var credentials = broker.UserInfo.Split(':', 2);
                    if (credentials.Length == 2)
                    {
                        host.Username(Uri.UnescapeDataString(credentials[0]));
                        host.Password(Uri.UnescapeDataString(credentials[1]));
                    }

                    host.PublisherConfirmation = true;
                });
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.RemoveMassTransitHostedService();
        builder.Services.AddHostedService(services => new BrokerGatedBusStart(
            ActivatorUtilities.CreateInstance<MassTransitHostedService>(services), broker, options,
            services.GetRequiredService<ILogger<BrokerGatedBusStart>>()));

        return builder;
    }

    /// <summary>
    /// A consumer that applies each message through the inbox, on a queue of its own named
    /// <see cref="IInboxConsumer.Name"/>.
    /// </summary>
    public static void AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer, IInboxConsumer =>
        bus.AddConsumer<TConsumer>().Endpoint(endpoint => endpoint.Name = TConsumer.Name);

    /// <summary>
    /// A consumer of <c>Batch&lt;T&gt;</c> that applies up to <see cref="MessagingOptions.BatchMessageLimit"/>
    /// messages in one transaction (see the batch <c>ApplyOnceAsync</c>), on a queue named
    /// <see cref="IInboxConsumer.Name"/> that holds enough messages to fill a batch. A failing batch is
    /// retried whole; after the retries every message of it goes to the _error queue, the applied
    /// ones included (replaying them is harmless: the inbox skips them).
    /// </summary>
    public static void AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus, IConfiguration configuration)
        where TConsumer : class, IConsumer, IInboxConsumer
    {
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var inFlight = options.BatchMessageLimit * 2;
        bus.AddConsumer<TConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(options.BatchMessageLimit)
                .SetTimeLimit(options.BatchTimeLimit)
                .SetConcurrencyLimit(2)))
            .Endpoint(endpoint =>
            {
                endpoint.Name = TConsumer.Name;
                endpoint.PrefetchCount = inFlight;
                endpoint.ConcurrentMessageLimit = inFlight;
            });
    }

    /// <summary>Runs the outbox relay for a DbContext whose model includes <see cref="MessagingModel.AddOutboxAndInbox"/>.</summary>
    public static IHostApplicationBuilder AddOutboxRelay<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.Configure<OutboxRelayOptions>(builder.Configuration.GetSection(OutboxRelayOptions.Section));
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder.AddMessagingHousekeeping<TDbContext>();
    }

    /// <summary>Hourly removal of published outbox rows and expired inbox ids (see <see cref="MessagingHousekeepingOptions"/>).</summary>
    public static IHostApplicationBuilder AddMessagingHousekeeping<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<MessagingHousekeepingOptions>(builder.Configuration.GetSection(MessagingHousekeepingOptions.Section));
        builder.Services.AddSingleton<MessagingHousekeeping<TDbContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MessagingHousekeeping<TDbContext>>());
        return builder;
    }
}
