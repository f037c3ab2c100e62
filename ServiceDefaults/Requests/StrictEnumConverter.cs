using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyPlatform.Requests;

/// <summary>
/// Enums travel as their names, and only as the names they define. The framework's string
/// converter also takes numbers when asked not to in one form ("City, County" is read as the
/// bitwise OR of both, 1) and trims spaces; a stored 123 then breaks every figure counted by state.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NameConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The defined names of <paramref name="enumType"/>, for error messages.</summary>
    public static string Allowed(Type enumType) => string.Join(", ", Enum.GetNames(enumType));

    private sealed class NameConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value))
            {
                return value;
            }

            var given = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : $"a {reader.TokenType.ToString().ToLowerInvariant()}";
            throw new JsonException($"{given} is not a {typeof(T).Name}; give one of the names {Allowed(typeof(T))}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : throw new JsonException($"{value} is not a defined {typeof(T).Name}."));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }
}
