namespace PartyPlatform;

/// <summary>One page of a list. Every list endpoint pages: a city has thousands of villages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>
/// Page and size as query parameters, clamped so that nobody downloads a city by accident. A page
/// whose offset would not fit the database's row offset is refused (400 naming <c>page</c>), not wrapped.
/// </summary>
public readonly record struct PageRequest
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public PageRequest(int? page, int? pageSize)
    {
        Number = Math.Max(1, page ?? 1);
        Size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        var skip = (long)(Number - 1) * Size;
        if (skip > int.MaxValue)
        {
            throw new RuleViolationException("page", $"With {Size} rows a page, the page is at most {int.MaxValue / Size + 1}.");
        }

        Skip = (int)skip;
    }

    public int Number { get; }

    public int Size { get; }

    public int Skip { get; }
}
