using Microsoft.Extensions.Configuration;

namespace PartyPlatform.AppHost.Supervision;

/// <summary>The <c>Supervision</c> configuration section (env <c>Supervision__Enabled</c> etc.).</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Restart a process that exits without being asked to (run mode only).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Wait before the first restart after a crash.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait doubles with every crash in a row, up to this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A process that ran this long before it crashed starts again from <see cref="InitialDelay"/>.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);

    public static SupervisionOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<SupervisionOptions>() ?? new SupervisionOptions();
        if (options.InitialDelay <= TimeSpan.Zero || options.MaxDelay < options.InitialDelay || options.StableAfter < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{Section}: InitialDelay must be positive, MaxDelay at least InitialDelay and StableAfter not negative.");
        }

        return options;
    }

    /// <summary>The wait before restart number <paramref name="crashesInARow"/> (1 for the first).</summary>
    public TimeSpan DelayBefore(int crashesInARow)
    {
        var doublings = Math.Min(crashesInARow - 1, 30);
        var delay = InitialDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
