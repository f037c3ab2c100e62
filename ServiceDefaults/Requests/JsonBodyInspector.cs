using System.Text.Json;

namespace PartyPlatform.Requests;

/// <summary>
/// Reads a JSON body once, before any endpoint binds it, and names every place that no endpoint may
/// accept: text that <see cref="RequestText"/> refuses, and null elements of a list (no list of the
/// platform has optional elements, and binding would hand a handler a null it does not expect).
/// Keys are JSON paths as the client wrote them: <c>items[0].name</c>, <c>villages[3]</c>, <c>[2].code</c>.
/// </summary>
public static class JsonBodyInspector
{
    private const int MaxErrors = 50;

    public static Dictionary<string, string[]> Inspect(ReadOnlySpan<byte> json, int maxStringLength)
    {
        var errors = new Dictionary<string, string[]>();
        var frames = new Stack<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read() && errors.Count < MaxErrors)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames.Peek().Property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = ValuePath(frames);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.Null when frames.TryPeek(out var parent) && parent.IsArray:
                        errors[ValuePath(frames)] = ["A list may not hold null; leave the element out."];
                        break;
                    case JsonTokenType.String:
                        var at = ValuePath(frames);
                        if (ReadString(ref reader) is not { } text)
                        {
                            errors[at] = ["The text is not valid Unicode."];
                        }
                        else if (RequestText.Problem(text, maxStringLength) is { } problem)
                        {
                            errors[at] = [problem];
                        }

                        break;
                    default:
                        ValuePath(frames);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            errors["body"] = [$"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})."];
        }

        return errors;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The path of the value the reader stands on; counts it as the next element when inside a list.</summary>
    private static string ValuePath(Stack<Frame> frames)
    {
        if (!frames.TryPeek(out var parent))
        {
            return "body";
        }

        if (parent.IsArray)
        {
            return $"{parent.Path}[{parent.Count++}]";
        }

        return parent.Path.Length == 0 ? parent.Property ?? "" : $"{parent.Path}.{parent.Property}";
    }

    private sealed class Frame(string path, bool isArray)
    {
        // The root container has no name: its members are "name", its elements "[0]".
        public string Path { get; } = path == "body" ? "" : path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Property { get; set; }
    }
}
