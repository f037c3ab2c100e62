using System.Globalization;

namespace PartyPlatform.Requests;

/// <summary>
/// What any text a client sends may hold, in a JSON body or a cell of an imported file: no control
/// characters (PostgreSQL refuses U+0000, and the rest are invisible damage), valid UTF-16, and not
/// blank in disguise (U+200B or U+FEFF alone pass a plain emptiness check).
/// </summary>
public static class RequestText
{
    /// <returns>Why <paramref name="value"/> is refused as a value, or null when it is fine.</returns>
    public static string? Problem(string value, int maxLength) =>
        value.Length > maxLength
            ? $"Text may be at most {maxLength} characters long; this is {value.Length}."
            : CharacterProblem(value, blankAllowed: false);

    /// <returns>Why a whole text (a line of a file, say) is refused, or null: only what no value may hold.</returns>
    public static string? CharacterProblem(string value) => CharacterProblem(value, blankAllowed: true);

    private static string? CharacterProblem(string value, bool blankAllowed)
    {
        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(value, i))
                {
                    return $"Character {i + 1} is half of a surrogate pair: the text is not valid Unicode.";
                }

                i++;
                visible = true;
                continue;
            }

            if (IsControl(c))
            {
                return $"Character {i + 1} is the control character U+{(int)c:X4}; text may not contain control characters.";
            }

            visible |= !IsInvisible(c);
        }

        return !blankAllowed && value.Length > 0 && !visible
            ? "The text is blank: it holds only spaces or invisible characters (such as U+200B or U+FEFF)."
            : null;
    }

    // Tab and line breaks belong in notes; every other C0, DEL and C1 character does not.
    private static bool IsControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
        // Fillers that render as nothing but are letters or symbols to Unicode.
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';
}
