using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyPlatform.Messaging.Outbox;

/// <summary>Turns events into outbox rows and back. The type is stored without its assembly version so rows survive upgrades.</summary>
public static class MessageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Options);

    public static (object Message, Type Type) Deserialize(string typeName, string payload)
    {
        var type = Types.GetOrAdd(typeName, name => Type.GetType(name, throwOnError: false))
                   ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not known to this process.");
        var message = JsonSerializer.Deserialize(payload, type, Options)
                      ?? throw new InvalidOperationException($"Outbox payload of '{typeName}' is null.");
        return (message, type);
    }
}
