using System.ComponentModel.DataAnnotations;
using PartyPlatform.Identity.Accounts;

namespace PartyPlatform.Identity.Clients;

public sealed record CreateClientRequest(
    [property: Required, RegularExpression(ApiClient.ClientIdPattern,
        ErrorMessage = "The client id is 3 to 64 lower-case letters, digits, dots or hyphens, starting with a letter or digit.")]
    string ClientId,
    [property: Required, StringLength(ApiClient.MaxDisplayNameLength)] string DisplayName,
    [property: Required, RegularExpression(UnitCodes.Pattern, ErrorMessage = "The unit code must be 12 digits.")] string UnitCode,
    [property: Required, MinLength(1)] PlatformRole[] Roles);

public sealed record ClientQuery(string? UnitCode, bool? Disabled, int? Page, int? PageSize);

public sealed record ClientResponse(
    string ClientId, string DisplayName, string UnitCode, PlatformRole[] Roles, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset SecretRotatedAt, DateTimeOffset? DisabledAt)
{
    public static ClientResponse From(ApiClient client) => new(
        client.ClientId, client.DisplayName, client.UnitCode, client.Roles, client.Disabled,
        client.CreatedAt, client.SecretRotatedAt, client.DisabledAt);
}

/// <summary>The only time the secret is shown: it is stored hashed.</summary>
public sealed record ClientSecretResponse(ClientResponse Client, string ClientSecret);
