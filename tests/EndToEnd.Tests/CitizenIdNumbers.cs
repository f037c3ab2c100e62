namespace PartyPlatform.EndToEnd.Tests;

public static class CitizenIdNumbers
{
    /// <summary>A citizen ID number of the region no other test uses, born on a random day in the 1970s, its check character computed (GB 11643).</summary>
    public static string Of(string region)
    {
        var born = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(3650));
        var digits = $"{region}{born:yyyyMMdd}{Random.Shared.Next(1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return digits + "10X98765432"[digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }
}
