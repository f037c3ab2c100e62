using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Data;
using PartyPlatform.OpenApi;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Clients;

/// <summary>Machine clients (county systems): create, list, disable and enable, rotate the secret.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients")
            .WithTag("Clients", "Machine clients (county systems) that take tokens with client credentials, each bound to roles and a unit.");

        clients.MapGet("/", ListClients).WithName("ListClients").WithSummary("Machine clients, by unit code prefix and disabled flag, paged");
        clients.MapGet("/{clientId}", GetClient).WithName("GetClient").WithSummary("One client");
        clients.MapPost("/", CreateClient).WithName("CreateClient").WithSummary("Create a client; the answer holds its secret, shown this once")
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapPost("/{clientId}/secret", RotateSecret).WithName("RotateClientSecret").WithSummary("Replace the secret; the old one stops working at once");
        clients.MapPost("/{clientId}/disable", DisableClient).WithName("DisableClient").WithSummary("No new tokens; the ones issued expire within the access-token lifetime");
        clients.MapPost("/{clientId}/enable", EnableClient).WithName("EnableClient").WithSummary("Tokens again for a disabled client");

        return clients;
    }

    private static async Task<Ok<Page<ClientResponse>>> ListClients([AsParameters] ClientQuery query, IdentityDb db, CancellationToken ct)
    {
        var clients = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            clients = clients.Where(c => c.UnitCode.StartsWith(query.UnitCode));
        }

        if (query.Disabled is { } disabled)
        {
            clients = clients.Where(c => c.Disabled == disabled);
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await clients.CountAsync(ct);
        var items = await clients.OrderBy(c => c.UnitCode).ThenBy(c => c.ClientId).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ClientResponse>(items.ConvertAll(ClientResponse.From), page.Number, page.Size, total));
    }

    private static async Task<Results<Ok<ClientResponse>, NotFound>> GetClient(string clientId, IdentityDb db, CancellationToken ct) =>
        await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct) is { } client
            ? TypedResults.Ok(ClientResponse.From(client))
            : TypedResults.NotFound();

    private static async Task<Created<ClientSecretResponse>> CreateClient(
        CreateClientRequest request, IdentityDb db, IOpenIddictApplicationManager applications, TimeProvider time, CancellationToken ct)
    {
        var secret = Secrets.NewClientSecret();
        var client = await CreateAsync(db, applications, request, secret, time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/identity/clients/{client.ClientId}", new ClientSecretResponse(ClientResponse.From(client), secret));
    }

    /// <summary>Our row and OpenIddict's application (holding the hashed secret) commit together. Also used by the demo seed.</summary>
    internal static async Task<ApiClient> CreateAsync(
        IdentityDb db, IOpenIddictApplicationManager applications, CreateClientRequest request, string secret, DateTimeOffset now, CancellationToken ct)
    {
        var client = ApiClient.Create(request.ClientId, request.DisplayName, request.UnitCode, request.Roles, now);
        if (await db.Clients.AnyAsync(c => c.ClientId == request.ClientId, ct)
            || await applications.FindByClientIdAsync(request.ClientId, ct) is not null)
        {
            throw new ConflictException($"A client with id '{request.ClientId}' already exists.");
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Clients.Add(client);
            await db.SaveChangesAsync(ct);
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            }, ct);
            await transaction.CommitAsync(ct);
        });
        return client;
    }

    private static async Task<Results<Ok<ClientSecretResponse>, NotFound>> RotateSecret(
        string clientId, IdentityDb db, IOpenIddictApplicationManager applications, TimeProvider time, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (client is null || application is null)
        {
            return TypedResults.NotFound();
        }

        var secret = Secrets.NewClientSecret();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            client.SecretRotated(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await applications.UpdateAsync(application, secret, ct);
            await transaction.CommitAsync(ct);
        });
        return TypedResults.Ok(new ClientSecretResponse(ClientResponse.From(client), secret));
    }

    private static async Task<Results<Ok<ClientResponse>, NotFound>> DisableClient(string clientId, IdentityDb db, TimeProvider time, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        client.Disable(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClientResponse.From(client));
    }

    private static async Task<Results<Ok<ClientResponse>, NotFound>> EnableClient(string clientId, IdentityDb db, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        client.Enable();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClientResponse.From(client));
    }
}
