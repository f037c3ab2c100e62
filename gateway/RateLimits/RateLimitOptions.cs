namespace PartyPlatform.Gateway.RateLimits;

/// <summary>
/// <c>Gateway:RateLimit</c>: how many requests a caller may send per window. Callers with a token are
/// counted per client (and per person for people signed in through a client); callers without one per
/// address. Credential submissions (<c>POST /connect/*</c>: client secrets, passwords) have their own,
/// much smaller budget per address, so guessing a secret takes years instead of hours.
/// </summary>
public sealed record RateLimitOptions(int PermitsPerWindow, int AnonymousPermitsPerWindow, TimeSpan Window)
{
    public const string SectionName = GatewayOptions.SectionName + ":RateLimit";
    public const int DefaultPermitsPerWindow = 300;
    public const int DefaultAnonymousPermitsPerWindow = 30;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

    public static RateLimitOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new RateLimitOptions(
            section.GetValue(nameof(PermitsPerWindow), DefaultPermitsPerWindow),
            section.GetValue(nameof(AnonymousPermitsPerWindow), DefaultAnonymousPermitsPerWindow),
            section.GetValue(nameof(Window), DefaultWindow));

        if (options.PermitsPerWindow <= 0 || options.AnonymousPermitsPerWindow <= 0)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(PermitsPerWindow)} and :{nameof(AnonymousPermitsPerWindow)} must be positive, " +
                $"not {options.PermitsPerWindow} and {options.AnonymousPermitsPerWindow}.");
        }
        if (options.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(Window)} must be a positive time span (e.g. 00:00:10), not {options.Window}.");
        }
        return options;
    }
}
