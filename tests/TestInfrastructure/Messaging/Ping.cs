namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>The test event. <see cref="Poison"/> makes every consumer attempt throw.</summary>
public sealed record Ping(Guid Id, bool Poison = false);
