using System.Text;
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
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    frames.Peek().Property = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }

                // Every other token is a value: the next element when inside a list.
                if (frames.TryPeek(out var parent) && parent.IsArray)
                {
                    parent.Index++;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.Null when parent is { IsArray: true }:
                        errors[PathOf(frames)] = ["A list may not hold null; leave the element out."];
                        break;
                    case JsonTokenType.String:
                        var problem = ReadString(ref reader) is { } text ? RequestText.Problem(text, maxStringLength) : "The text is not valid Unicode.";
                        if (problem is not null)
                        {
                            errors[PathOf(frames)] = [problem];
                        }

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

    /// <summary>The path of the value the reader stands on, built only for an error: the root's members are "name", its elements "[0]".</summary>
    private static string PathOf(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "body";
        }

        var path = new StringBuilder();
        foreach (var frame in frames.Reverse())
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else
            {
                path.Append(path.Length == 0 ? "" : ".").Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
