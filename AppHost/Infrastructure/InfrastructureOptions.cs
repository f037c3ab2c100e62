using Microsoft.Extensions.Configuration;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>How PostgreSQL and RabbitMQ are run.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when Docker or Podman answers, otherwise executables.</summary>
    Auto,

    /// <summary>Aspire's container resources (AddPostgres, AddRabbitMQ).</summary>
    Containers,

    /// <summary>The installed server binaries, started by scripts/*-server.sh.</summary>
    Executables,
}

/// <summary>The <c>Infrastructure</c> configuration section (env <c>Infrastructure__Mode</c> etc.).</summary>
public sealed class InfrastructureOptions
{
    public const string Section = "Infrastructure";

    public InfrastructureMode Mode { get; init; } = InfrastructureMode.Auto;

    /// <summary>Data of PostgreSQL and RabbitMQ in executable mode; relative paths are relative to
    /// the repository root. Default: <c>&lt;repo&gt;/.data</c> (git-ignored).</summary>
    public string? DataDir { get; init; }

    /// <summary>Tests: data in a fresh temporary folder, durability off. Nothing is kept.</summary>
    public bool Ephemeral { get; init; }

    public static InfrastructureOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var mode = section["Mode"];
        return new InfrastructureOptions
        {
            Mode = string.IsNullOrWhiteSpace(mode) ? InfrastructureMode.Auto
                : Enum.TryParse<InfrastructureMode>(mode, ignoreCase: true, out var parsed) ? parsed
                : throw new InvalidOperationException(
                    $"{Section}:Mode is '{mode}'; use one of {string.Join(", ", Enum.GetNames<InfrastructureMode>())}."),
            DataDir = section["DataDir"],
            Ephemeral = section.GetValue("Ephemeral", false),
        };
    }
}
