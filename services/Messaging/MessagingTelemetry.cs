namespace PartyPlatform.Messaging;

public static class MessagingTelemetry
{
    /// <summary>ActivitySource of the outbox relay; ServiceDefaults listens to it.</summary>
    public const string SourceName = "PartyPlatform.Messaging";
}
