using Microsoft.Extensions.Configuration;
using Npgsql;
using PartyPlatform.Auditing;

namespace PartyPlatform.Dashboard.Tests.Database;

/// <summary>
/// Every service's connection string gets the configured connect timeout and pool size (services/Auditing's
/// DatabaseOptions, tested here through the Dashboard that uses it) unless the string sets its own.
/// </summary>
public sealed class DatabaseOptionsTests
{
    private const string Plain = "Host=localhost;Database=dashboard";

    [Fact]
    public void Without_configuration_a_connection_gives_up_after_5_s_and_a_pool_holds_20()
    {
        var settings = new NpgsqlConnectionStringBuilder(Options().ApplyTo(Plain));

        // Npgsql's own defaults are 15 s and 100: an earlier check took every keyword as set and kept them.
        Assert.Equal(5, settings.Timeout);
        Assert.Equal(20, settings.MaxPoolSize);
    }

    [Fact]
    public void The_configured_timeout_and_pool_size_apply()
    {
        var options = Options(("Database:ConnectTimeout", "00:00:02.5"), ("Database:MaxPoolSize", "7"), ("Database:ReadinessPoolSize", "1"));
        var settings = new NpgsqlConnectionStringBuilder(options.ApplyTo(Plain));

        Assert.Equal(3, settings.Timeout);
        Assert.Equal(7, settings.MaxPoolSize);
        Assert.Equal(1, options.ReadinessPoolSize);
    }

    [Fact]
    public void A_connection_string_keeps_its_own_timeout_and_pool_size()
    {
        var settings = new NpgsqlConnectionStringBuilder(Options().ApplyTo(Plain + ";timeout=9;Maximum Pool Size=4"));

        Assert.Equal(9, settings.Timeout);
        Assert.Equal(4, settings.MaxPoolSize);
    }

    [Theory]
    [InlineData("Database:ConnectTimeout", "00:00:00.5")]
    [InlineData("Database:MaxPoolSize", "0")]
    [InlineData("Database:ReadinessPoolSize", "-1")]
    public void A_setting_out_of_range_stops_the_start_naming_it(string key, string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Options((key, value)));

        Assert.Contains(key, refused.Message);
    }

    private static DatabaseOptions Options(params (string Key, string Value)[] settings) =>
        DatabaseOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build());
}
