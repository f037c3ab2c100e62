using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// The access token a session sends upstream, renewed with its refresh token once less than
/// <see cref="BffOptions.RefreshBefore"/> of it is left; the renewed tokens are written back into the cookie.
/// </summary>
public sealed partial class SessionTokens(
    IOptionsMonitor<OpenIdConnectOptions> signIn, BffOptions bff, TimeProvider clock, ILogger<SessionTokens> logger)
{
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "expires_at";

    /// <summary>The token to send, or null when the session has none left (refused refresh: the cookie is removed).</summary>
    public async Task<string?> AccessTokenAsync(HttpContext context, AuthenticateResult session)
    {
        var properties = session.Properties!;
        var current = properties.GetTokenValue(AccessToken);
        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        var now = clock.GetUtcNow();
        if (current is not null && expiresAt - bff.RefreshBefore > now)
        {
            return current;
        }

        Renewal renewal;
        try
        {
            renewal = await RefreshAsync(properties.GetTokenValue(RefreshToken), context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            // Identity unreachable (its metadata or its token endpoint): a token that is still valid serves
            // until it can be renewed, and the session stays.
            LogRefreshUnreachable(logger, e);
            return current is not null && expiresAt > now ? current : null;
        }

        if (renewal.AccessToken is null)
        {
            await context.SignOutAsync(BffSession.CookieScheme);
            return null;
        }

        properties.UpdateTokenValue(AccessToken, renewal.AccessToken);
        properties.UpdateTokenValue(ExpiresAt, (now + renewal.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        if (renewal.RefreshToken is not null)
        {
            properties.UpdateTokenValue(RefreshToken, renewal.RefreshToken);
        }

        await context.SignInAsync(BffSession.CookieScheme, session.Principal!, properties);
        return renewal.AccessToken;
    }

    private async Task<Renewal> RefreshAsync(string? refreshToken, CancellationToken ct)
    {
        if (refreshToken is null)
        {
            return default;
        }

        var options = signIn.Get(BffSession.SignInScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = RefreshToken,
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refreshToken,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            // Expired, revoked, or the person was disabled: the session is over.
            LogRefreshRefused(logger, (int)response.StatusCode);
            return default;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = body.RootElement;
        return new Renewal(
            root.GetProperty(AccessToken).GetString(),
            root.TryGetProperty(RefreshToken, out var rolled) ? rolled.GetString() : null,
            TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 0));
    }

    private readonly record struct Renewal(string? AccessToken, string? RefreshToken, TimeSpan ExpiresIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "A web session's refresh was refused ({Status}); the session is signed out.")]
    private static partial void LogRefreshRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web session's token could not be refreshed: Identity did not answer.")]
    private static partial void LogRefreshUnreachable(ILogger logger, Exception exception);
}
