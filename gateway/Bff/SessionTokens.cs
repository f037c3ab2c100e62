using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PartyPlatform.Gateway.Bff;

/// <summary>The access token a session sends upstream, and the person it is for as Identity last said.</summary>
public sealed record SessionAccess(string AccessToken, ClaimsPrincipal User);

/// <summary>
/// The access token a session sends upstream, renewed with its refresh token once less than
/// <see cref="BffOptions.RefreshBefore"/> of it is left; the renewed tokens are written back into the cookie, and so is
/// the person as the renewal's id token describes them: Identity reads their name, roles and unit again on every refresh,
/// so a changed role or unit shows in <c>/bff/user</c> from the next renewal on, not only from the next sign-in.
/// </summary>
public sealed partial class SessionTokens(
    IOptionsMonitor<OpenIdConnectOptions> signIn, BffOptions bff, TimeProvider clock, ILogger<SessionTokens> logger)
{
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string IdentityToken = "id_token";
    private const string ExpiresAt = "expires_at";
    private const string Subject = "sub";

    /// <summary>The token to send and its person, or null when the session has none left (refused refresh: the cookie is removed).</summary>
    public async Task<SessionAccess?> AccessAsync(HttpContext context, AuthenticateResult session)
    {
        var properties = session.Properties!;
        var current = properties.GetTokenValue(AccessToken);
        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        var now = clock.GetUtcNow();
        if (current is not null && expiresAt - bff.RefreshBefore > now)
        {
            return new SessionAccess(current, session.Principal!);
        }

        Renewal renewal;
        try
        {
            renewal = await RefreshAsync(properties.GetTokenValue(RefreshToken), session.Principal!, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            // Identity unreachable (its metadata or its token endpoint): a token that is still valid serves
            // until it can be renewed, and the session stays.
            LogRefreshUnreachable(logger, e);
            return current is not null && expiresAt > now ? new SessionAccess(current, session.Principal!) : null;
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

        if (renewal.IdentityToken is not null)
        {
            properties.UpdateTokenValue(IdentityToken, renewal.IdentityToken);
        }

        var user = renewal.User ?? session.Principal!;
        await context.SignInAsync(BffSession.CookieScheme, user, properties);
        return new SessionAccess(renewal.AccessToken, user);
    }

    /// <summary>
    /// Revokes the session's refresh token at Identity, so that a copy of the cookie taken before the sign-out renews nothing
    /// after it. Best effort: the sign-out goes on when Identity cannot be reached or refuses (the token then lives out its lifetime).
    /// </summary>
    public async Task RevokeAsync(AuthenticateResult session, CancellationToken ct)
    {
        if (session.Properties?.GetTokenValue(RefreshToken) is not { } refreshToken)
        {
            return;
        }

        var options = signIn.Get(BffSession.SignInScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            using var response = await options.Backchannel.PostAsync(
                configuration.RevocationEndpoint ?? throw new InvalidOperationException("Identity names no revocation endpoint."),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["client_id"] = options.ClientId!,
                    ["token"] = refreshToken,
                    ["token_type_hint"] = RefreshToken,
                }), ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRevocationRefused(logger, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            LogRevocationUnreachable(logger, e);
        }
    }

    private async Task<Renewal> RefreshAsync(string? refreshToken, ClaimsPrincipal user, CancellationToken ct)
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
        var identityToken = root.TryGetProperty(IdentityToken, out var id) ? id.GetString() : null;
        return new Renewal(
            root.GetProperty(AccessToken).GetString(),
            root.TryGetProperty(RefreshToken, out var rolled) ? rolled.GetString() : null,
            identityToken,
            TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 0),
            identityToken is null ? null : await RenewedUserAsync(options, configuration, identityToken, user));
    }

    /// <summary>
    /// The person as the renewal's id token describes them, checked as the sign-in checked its own (signature, issuer, audience,
    /// lifetime) and made the same way (the handler's claim actions drop the protocol's claims); null, and the session keeps
    /// the person it had, when the token does not pass or names someone else (OpenID Connect Core 12.2).
    /// </summary>
    private async Task<ClaimsPrincipal?> RenewedUserAsync(
        OpenIdConnectOptions options, OpenIdConnectConfiguration configuration, string identityToken, ClaimsPrincipal user)
    {
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuer ??= configuration.Issuer;
        parameters.ValidAudience ??= options.ClientId;
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        var validated = await options.TokenHandler.ValidateTokenAsync(identityToken, parameters);
        if (!validated.IsValid || validated.ClaimsIdentity.FindFirst(Subject)?.Value is not { } subject || subject != user.FindFirst(Subject)?.Value)
        {
            LogIdentityTokenNotTaken(logger, validated.Exception);
            return null;
        }

        var identity = new ClaimsIdentity(
            validated.ClaimsIdentity.Claims, user.Identity?.AuthenticationType, parameters.NameClaimType, parameters.RoleClaimType);
        using var nothing = JsonDocument.Parse("{}");
        foreach (var action in options.ClaimActions)
        {
            action.Run(nothing.RootElement, identity, options.ClaimsIssuer ?? BffSession.SignInScheme);
        }

        return new ClaimsPrincipal(identity);
    }

    private readonly record struct Renewal(string? AccessToken, string? RefreshToken, string? IdentityToken, TimeSpan ExpiresIn, ClaimsPrincipal? User);

    [LoggerMessage(Level = LogLevel.Information, Message = "A web session's refresh was refused ({Status}); the session is signed out.")]
    private static partial void LogRefreshRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web session's token could not be refreshed: Identity did not answer.")]
    private static partial void LogRefreshUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed-out web session's refresh token was not revoked ({Status}); it lives out its lifetime.")]
    private static partial void LogRevocationRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed-out web session's refresh token could not be revoked: Identity did not answer.")]
    private static partial void LogRevocationUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web session's renewed id token was not taken (invalid, or another subject); the session keeps its person.")]
    private static partial void LogIdentityTokenNotTaken(ILogger logger, Exception? exception);
}
