namespace PartyPlatform.EndToEnd.Tests;

/// <summary>A small tree of its own for each test: a city with a code prefix nobody else uses.</summary>
public sealed class TestTree
{
    private static int counter = Random.Shared.Next(0, 1000);

    public TestTree()
    {
        // 12-digit codes that nest: city 9xxx00000000, county 9xxx01000000, township 9xxx01001000, village 9xxx01001201.
        Prefix = $"9{Interlocked.Increment(ref counter) % 1000:D3}";
    }

    public string Prefix { get; }

    public string City => $"{Prefix}00000000";

    public string County => $"{Prefix}01000000";

    public string Township => $"{Prefix}01001000";

    public string Village(int n) => $"{Prefix}01001{200 + n:D3}";

    public object[] Rows(int villages) =>
    [
        new { code = City, name = $"测试市{Prefix}", kind = "City", parentCode = (string?)null },
        new { code = County, name = "测试县", kind = "County", parentCode = City },
        new { code = Township, name = "测试镇", kind = "Township", parentCode = County },
        .. Enumerable.Range(1, villages).Select(n => (object)new
        {
            code = Village(n), name = $"测试{n}村", kind = "Village", parentCode = Township, partyOrganization = $"测试{n}村党支部",
        }),
    ];
}
