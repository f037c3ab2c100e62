using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyPlatform;

/// <summary>
/// What day it is in the city. Terms, deadlines and alerts are days in the city's time zone, not in
/// the time zone of whichever machine runs the service: at 07:30 in Weinan it is still yesterday in UTC.
/// </summary>
public sealed class CityCalendar(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public TimeZoneInfo Zone => zone;

    public DateOnly Today => DayOf(time.GetUtcNow());

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}

public static class CityCalendarExtensions
{
    /// <summary>
    /// The city's calendar from <c>City:TimeZone</c> (an IANA id, <see cref="CityCalendar.DefaultTimeZone"/>
    /// unless configured). An unknown zone stops the start with its name rather than failing on the first request.
    /// </summary>
    public static IHostApplicationBuilder AddCityCalendar(this IHostApplicationBuilder builder)
    {
        var id = builder.Configuration["City:TimeZone"] ?? CityCalendar.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            throw new InvalidOperationException($"City:TimeZone '{id}' is not a time zone this machine knows.");
        }

        builder.Services.AddSingleton(services => new CityCalendar(services.GetRequiredService<TimeProvider>(), zone));
        return builder;
    }
}
