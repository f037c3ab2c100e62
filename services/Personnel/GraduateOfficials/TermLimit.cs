namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>How many contract terms an official may serve (任满两期不再续聘), and the refusal of one more, in both languages.</summary>
public static class TermLimit
{
    private static readonly string[] Chinese = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九"];
    private static readonly string[] English = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>任满两期不再续聘 (two terms served: no further renewal), for the configured number of terms.</summary>
    public static string Refusal(int maxTerms) =>
        $"任满{Word(Chinese, maxTerms)}期不再续聘 ({Word(English, maxTerms)} term{(maxTerms == 1 ? "" : "s")} served: no further renewal).";

    private static string Word(string[] words, int number) => number >= 0 && number < words.Length ? words[number] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
