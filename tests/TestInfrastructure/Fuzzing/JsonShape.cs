using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>
/// A body of the shape an operation's schema describes (every property present, every list one
/// element long, ids from the test's real entities) and its slots: the places a mutation can spoil.
/// </summary>
public sealed class JsonShape
{
    private const int MaxDepth = 8;

    private readonly JsonElement document;
    private readonly IReadOnlyList<string> ids;

    private JsonShape(JsonElement document, IReadOnlyList<string> ids)
    {
        this.document = document;
        this.ids = ids;
    }

    public enum Kind { String, Enum, Integer, Number, Boolean, Uuid, Date, DateTime, Object, Array }

    /// <summary>A value in the body: its container, and how it is reached from there.</summary>
    public sealed record Slot(string Path, Kind Kind, JsonNode? Container, string? Property, int Index, bool Mandatory, IReadOnlyList<string> EnumNames);

    public static (JsonNode? Body, List<Slot> Slots) Build(JsonElement schema, JsonElement document, IReadOnlyList<string> ids)
    {
        var slots = new List<Slot>();
        var body = new JsonShape(document, ids).Value(schema, "body", null, null, 0, true, slots, 0);
        return (body, slots);
    }

    private JsonNode? Value(JsonElement schema, string path, JsonNode? container, string? property, int index, bool required, List<Slot> slots, int depth)
    {
        schema = Resolve(schema);
        // Leaving a value out is refused only when the schema requires it and does not allow null.
        return Shape(schema, path, container, property, index, required && !AllowsNull(schema), slots, depth);
    }

    private JsonNode? Shape(JsonElement schema, string path, JsonNode? container, string? property, int index, bool mandatory, List<Slot> slots, int depth)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            var names = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
            slots.Add(new Slot(path, Kind.Enum, container, property, index, mandatory, names));
            return names.Count > 0 ? JsonValue.Create(names[0]) : null;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var alternative = oneOf.EnumerateArray().FirstOrDefault(a => !IsNullOnly(Resolve(a)));
            return alternative.ValueKind == JsonValueKind.Undefined ? null : Shape(Resolve(alternative), path, container, property, index, mandatory, slots, depth);
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (TypeOf(schema))
        {
            case "object" when depth < MaxDepth:
                var obj = new JsonObject();
                slots.Add(new Slot(path, Kind.Object, container, property, index, mandatory, []));
                var requiredNames = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var member in properties.EnumerateObject())
                    {
                        var memberPath = path == "body" ? member.Name : $"{path}.{member.Name}";
                        obj[member.Name] = Value(member.Value, memberPath, obj, member.Name, 0, requiredNames.Contains(member.Name), slots, depth + 1);
                    }
                }

                return obj;
            case "array" when depth < MaxDepth:
                var array = new JsonArray();
                slots.Add(new Slot(path, Kind.Array, container, property, index, mandatory, []));
                if (schema.TryGetProperty("items", out var items))
                {
                    array.Add(Value(items, $"{(path == "body" ? "" : path)}[0]", array, null, 0, true, slots, depth + 1));
                }

                return array;
            case "string":
                var kind = format switch { "uuid" => Kind.Uuid, "date" => Kind.Date, "date-time" => Kind.DateTime, _ => Kind.String };
                slots.Add(new Slot(path, kind, container, property, index, mandatory, []));
                return kind switch
                {
                    Kind.Uuid => JsonValue.Create(ids.Count > 0 ? ids[Math.Abs(path.GetHashCode(StringComparison.Ordinal)) % ids.Count] : Guid.Empty.ToString()),
                    Kind.Date => JsonValue.Create("2026-05-20"),
                    Kind.DateTime => JsonValue.Create("2026-05-20T08:00:00+08:00"),
                    _ => JsonValue.Create("测试"),
                };
            case "integer":
                slots.Add(new Slot(path, Kind.Integer, container, property, index, mandatory, []));
                return JsonValue.Create(1);
            case "number":
                slots.Add(new Slot(path, Kind.Number, container, property, index, mandatory, []));
                return JsonValue.Create(1.5m);
            case "boolean":
                slots.Add(new Slot(path, Kind.Boolean, container, property, index, mandatory, []));
                return JsonValue.Create(true);
            default:
                return null;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#', '/').Split('/')
                .Aggregate(document, (node, name) => node.GetProperty(name.Replace("~1", "/").Replace("~0", "~")));
        }

        return schema;
    }

    private static bool IsNullOnly(JsonElement schema) => TypeOf(schema) == "null";

    private bool AllowsNull(JsonElement schema) =>
        (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null"))
        || ((schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf)) && oneOf.EnumerateArray().Any(a => IsNullOnly(Resolve(a))));

    /// <summary>The schema's type, preferring a number to the string form a number may also be read from.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        return types.FirstOrDefault(t => t is "integer" or "number") ?? types.FirstOrDefault();
    }
}
