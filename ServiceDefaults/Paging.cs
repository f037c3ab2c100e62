namespace PartyPlatform;

/// <summary>One page of a list. Every list endpoint pages: a city has thousands of villages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>Page and size as query parameters, clamped so that nobody downloads a city by accident.</summary>
public readonly record struct PageRequest(int? Page, int? PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public int Number => Math.Max(1, Page ?? 1);

    public int Size => Math.Clamp(PageSize ?? DefaultSize, 1, MaxSize);

    public int Skip => (Number - 1) * Size;
}
