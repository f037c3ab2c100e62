using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// One service in process, for one test, trusting <see cref="TestTokens"/>. Its clients call as a
/// city administrator unless the test asks for another caller.
/// </summary>
public abstract class ServiceApp<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    /// <summary>The service's configuration for this test (connection strings and the like).</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Settings { get; }

    /// <summary>A client calling with a token for <paramref name="role"/> bound to <paramref name="unitCode"/>.</summary>
    public HttpClient CreateClientAs(string role, string unitCode) => CreateClientWith(TestTokens.For(role, unitCode));

    /// <summary>A client calling as the person <paramref name="person"/> signed in to the web page (<see cref="TestTokens.ForPerson"/>).</summary>
    public HttpClient CreateClientAsPerson(string role, string unitCode, Guid person) =>
        CreateClientWith(TestTokens.ForPerson(role, unitCode, person));

    /// <summary>Waits until the service's endpoints are bound to their exchanges: before that, a published event would reach no queue.</summary>
    public Task WaitForBusAsync() =>
        Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    /// <summary>Publishes as another service would, through the app's own publish endpoint.</summary>
    public async Task PublishAsync<T>(T message, Guid messageId, CancellationToken cancellationToken) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>()
            .Publish(message, context => context.MessageId = messageId, cancellationToken);
    }

    public HttpClient CreateAnonymousClient() => CreateClientWith(null);

    /// <summary>A client calling with <paramref name="token"/> as its bearer token, or with none.</summary>
    public HttpClient CreateClientWith(string? token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.CityAdministrator());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.TrustTestTokens());
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
