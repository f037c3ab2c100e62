using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>
/// Generates requests that no endpoint may accept, for one write operation: a body of the documented
/// shape with one value spoilt (a control character, a lone surrogate, a blank in disguise, an enum
/// as a number or an unknown name, a null list element, a number out of its type, a value of the
/// wrong JSON type, a required member left out), or a body spoilt whole (not JSON, too deep, an
/// undeclared charset, bytes that are not UTF-8, an empty body, a media type the operation does not take).
/// </summary>
public static class MalformedRequests
{
    private const string Marker = "\"@@fuzz@@\"";

    private static readonly string[] BadText =
    [
        "\"名称\\u0000\"", "\"a\\u0007b\"", "\"\\u001b[31m\"", "\"x\\u0085\"", "\"\\u007f\"", "\"半\\ud800\"", "\"\\udc00尾\"",
        "\"\\u200b\\ufeff\"", "\"   \"", "\"\\u3164\"", "\"\\u2060 \\u200d\"", $"\"{new string('长', 20_001)}\"", "{}", "[\"a\"]",
    ];

    private static readonly string[] BadNumber = ["1e20", "1e400", "-1e400", "79228162514264337593543950336", "\"NaN\"", "\"Infinity\"", "\"1,5\"", "{}", "[1]", "true"];

    private static readonly string[] BadInteger = ["2147483647", "2147483648", "-2147483649", "1.5", "1e400", "\"NaN\"", "{}", "[1]", "true"];

    private static readonly string[] BadUuid = ["\"not-a-guid\"", "\"00000000-0000-0000-0000-00000000000G\"", "42", "{}", "\"\\u0000\""];

    private static readonly string[] BadDate = ["\"2026-02-30\"", "\"26-5-20\"", "\"2026-13-01\"", "\"2026-05-20T99:00\"", "20260520", "{}"];

    public static Gen<FuzzRequest> For(WriteOperation operation, JsonElement document, string path, IReadOnlyList<string> ids)
    {
        var takesJson = operation.JsonSchema is not null;
        var others = operation.MediaTypes.Where(m => m != "application/json").ToList();
        var kinds = new List<Gen<FuzzRequest>>();
        if (takesJson)
        {
            kinds.Add(Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], (slot, variant) => SpoiltValue(operation, document, path, ids, slot, variant)));
            kinds.Add(Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1_000_000], (kind, position) => SpoiltBody(operation, document, path, ids, kind, position)));
        }

        foreach (var mediaType in others)
        {
            kinds.Add(Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1_000_000], (kind, position) => SpoiltFile(operation, path, mediaType, kind, position)));
        }

        return kinds.Count == 1 ? kinds[0] : Gen.OneOf(kinds.ToArray());
    }

    private static FuzzRequest SpoiltValue(WriteOperation operation, JsonElement document, string path, IReadOnlyList<string> ids, int slotChoice, int variant)
    {
        var (body, slots) = JsonShape.Build(operation.JsonSchema!.Value, document, ids);
        var slot = slots[slotChoice % slots.Count];
        string mutation;
        string? fragment = null;
        switch (slot.Kind)
        {
            case JsonShape.Kind.Array when variant % 3 == 0:
                var array = Find(body, slot)!.AsArray();
                array.Insert(variant / 3 % (array.Count + 1), null);
                mutation = $"null element in {slot.Path}";
                break;
            case var _ when slot.Mandatory && slot.Property is not null && variant % 7 == 0:
                slot.Container!.AsObject().Remove(slot.Property);
                mutation = $"required {slot.Path} left out";
                break;
            default:
                fragment = Pick(slot, variant);
                mutation = $"{slot.Path} = {(fragment.Length > 40 ? fragment[..40] + "…" : fragment)}";
                break;
        }

        var text = fragment is null ? Serialize(body) : Serialize(Replace(body, slot)).Replace(Marker, fragment, StringComparison.Ordinal);
        return new FuzzRequest(operation.Method, path, "application/json", Encoding.UTF8.GetBytes(text), mutation);
    }

    private static string Pick(JsonShape.Slot slot, int variant)
    {
        string[] choices = slot.Kind switch
        {
            JsonShape.Kind.String => BadText,
            JsonShape.Kind.Enum => ["123", "-1", "\"7\"", "\"NoSuchName\"", $"\"{string.Join(", ", slot.EnumNames.Take(2))}\"", $"\" {slot.EnumNames.FirstOrDefault()}\"", "{}"],
            JsonShape.Kind.Integer => BadInteger,
            JsonShape.Kind.Number => BadNumber,
            JsonShape.Kind.Uuid => BadUuid,
            JsonShape.Kind.Date or JsonShape.Kind.DateTime => BadDate,
            JsonShape.Kind.Boolean => ["\"yes\"", "2", "{}"],
            JsonShape.Kind.Object => ["\"x\"", "42", "[{}]"],
            JsonShape.Kind.Array => ["{}", "\"x\"", "12", "[null]"],
            _ => ["{}"],
        };
        return choices[variant % choices.Length];
    }

    private static FuzzRequest SpoiltBody(WriteOperation operation, JsonElement document, string path, IReadOnlyList<string> ids, int kind, int position)
    {
        var valid = Serialize(JsonShape.Build(operation.JsonSchema!.Value, document, ids).Body);
        var bytes = Encoding.UTF8.GetBytes(valid);
        return kind switch
        {
            0 => Json(operation, path, valid[..Math.Max(1, position % valid.Length)], "truncated JSON"),
            1 => Json(operation, path, "{\"a\":", "not JSON"),
            2 => Json(operation, path, $"{{\"deep\":{new string('[', 70)}{new string(']', 70)}}}", "nested 70 deep"),
            3 => Json(operation, path, "", "empty body"),
            4 => Json(operation, path, "42", "a number for a body"),
            5 => new FuzzRequest(operation.Method, path, "application/json; charset=iso-8859-1", bytes, "charset iso-8859-1"),
            6 => new FuzzRequest(operation.Method, path, "application/json; charset=utf-8", [.. bytes[..1], 0xC3, 0x28, .. bytes[1..]], "declared UTF-8, bytes are not"),
            7 => new FuzzRequest(operation.Method, path, "application/json", [.. bytes[..1], 0xFF, 0xFE, 0x80, .. bytes[1..]], "bytes neither UTF-8 nor GB18030"),
            8 => new FuzzRequest(operation.Method, path, "text/plain", bytes, "a media type the operation does not take"),
            _ => Json(operation, path, "null", "null for a body"),
        };
    }

    private static FuzzRequest SpoiltFile(WriteOperation operation, string path, string mediaType, int kind, int position)
    {
        var header = "code,name,kind\n"u8.ToArray();
        return kind switch
        {
            0 => new FuzzRequest(operation.Method, path, mediaType, [.. header, (byte)'1', 0x00, (byte)',', (byte)'\n'], "NUL in a line"),
            1 => new FuzzRequest(operation.Method, path, mediaType, [.. header, 0x80, 0xFF, 0x80, (byte)'\n'], "bytes neither UTF-8 nor GB18030"),
            2 => new FuzzRequest(operation.Method, path, $"{mediaType}; charset=big5", header, "charset big5"),
            3 => new FuzzRequest(operation.Method, path, mediaType, [.. Enumerable.Range(0, 64 + (position % 512)).Select(i => (byte)((i * 7919 + position) % 251))], "random bytes"),
            _ => new FuzzRequest(operation.Method, path, mediaType, [.. header, (byte)'\u001b', (byte)'\n'], "ESC in a line"),
        };
    }

    private static FuzzRequest Json(WriteOperation operation, string path, string text, string mutation) =>
        new(operation.Method, path, "application/json", Encoding.UTF8.GetBytes(text), mutation);

    private static JsonNode? Find(JsonNode? body, JsonShape.Slot slot) =>
        slot.Container switch
        {
            null => body,
            JsonObject obj => obj[slot.Property!],
            JsonArray array => array[slot.Index],
            _ => null,
        };

    /// <summary>Puts the marker where the slot is; the marker is then replaced by raw JSON text.</summary>
    private static JsonNode? Replace(JsonNode? body, JsonShape.Slot slot)
    {
        switch (slot.Container)
        {
            case null:
                return JsonValue.Create("@@fuzz@@");
            case JsonObject obj:
                obj[slot.Property!] = "@@fuzz@@";
                break;
            case JsonArray array:
                array[slot.Index] = "@@fuzz@@";
                break;
        }

        return body;
    }

    private static string Serialize(JsonNode? body) =>
        body?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
}
