using System.Globalization;

namespace PartyPlatform.Personnel.People;

/// <summary>
/// An 18-character citizen ID number (公民身份号码, GB 11643-1999): a 6-digit region code, the birth date
/// as yyyyMMdd, a 3-digit sequence and a check character (0–9 or X) computed over the first 17 digits
/// (ISO 7064 MOD 11-2).
/// </summary>
public readonly record struct CitizenIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private CitizenIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>The number, with a lower-case x read as X; or why it is not one (a sentence for the caller).</summary>
    public static bool TryParse(string? text, out CitizenIdNumber number, out string error)
    {
        number = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != Length)
        {
            error = $"A citizen ID number has {Length} characters, not {value.Length}.";
            return false;
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "A citizen ID number is 17 digits followed by a digit or X.";
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            error = $"Characters 7 to 14 of a citizen ID number are the birth date as yyyyMMdd; '{value.Substring(6, 8)}' is no date.";
            return false;
        }

        var expected = CheckCharacter(value);
        if (value[17] != expected)
        {
            error = $"The check character of this citizen ID number is wrong (GB 11643): it should be {expected}.";
            return false;
        }

        number = new CitizenIdNumber(value, birthDate);
        error = "";
        return true;
    }

    /// <summary>
    /// The number of a person born on <paramref name="birthDate"/> and registered in <paramref name="region"/>
    /// (6 digits) with <paramref name="sequence"/> (0–999; odd for a man), its check character computed.
    /// </summary>
    public static CitizenIdNumber Compose(string region, DateOnly birthDate, int sequence)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{region}{birthDate:yyyyMMdd}{sequence:D3}");
        return TryParse(digits + CheckCharacter(digits), out var number, out var error) ? number : throw new ArgumentException(error);
    }

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Value;
}
