namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// <c>Gateway:Bff</c>: how the gateway signs people in to the web page as Identity's public client and
/// keeps their session. Read and checked once at start-up, like the rest of the <c>Gateway</c> section.
/// </summary>
public sealed record BffOptions(
    string ClientId,
    IReadOnlyList<string> Scopes,
    string CallbackPath,
    string? KeysDirectory,
    TimeSpan SessionLifetime,
    TimeSpan RefreshBefore)
{
    public const string SectionName = GatewayOptions.SectionName + ":Bff";
    public const string DefaultClientId = "partyplatform-web";
    public const string DefaultCallbackPath = "/signin-callback";
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "roles", "offline_access"];
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(8);
    public static readonly TimeSpan DefaultRefreshBefore = TimeSpan.FromMinutes(1);

    public static BffOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new BffOptions(
            section[nameof(ClientId)] is { Length: > 0 } clientId ? clientId : DefaultClientId,
            // Read as a plain array: binding into a pre-filled list would append to the defaults.
            section.GetSection(nameof(Scopes)).Get<string[]>() is { Length: > 0 } scopes ? scopes : DefaultScopes,
            section[nameof(CallbackPath)] is { Length: > 0 } callback ? callback : DefaultCallbackPath,
            section[nameof(KeysDirectory)] is { Length: > 0 } keys ? keys : null,
            section.GetValue(nameof(SessionLifetime), DefaultSessionLifetime),
            section.GetValue(nameof(RefreshBefore), DefaultRefreshBefore));

        if (!options.Scopes.Contains("openid"))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(Scopes)} must include 'openid', not [{string.Join(", ", options.Scopes)}].");
        }
        if (!options.CallbackPath.StartsWith('/') || options.CallbackPath.StartsWith("//", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(CallbackPath)} must be a path starting with '/', not '{options.CallbackPath}'.");
        }
        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(SessionLifetime)} must be a positive time span (e.g. 08:00:00), not {options.SessionLifetime}.");
        }
        if (options.RefreshBefore < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(RefreshBefore)} must not be negative, not {options.RefreshBefore}.");
        }
        return options;
    }
}
