namespace PartyPlatform.Surveys.Problems;

/// <summary>A cause analysis note on a problem (原因分析), appended with its author and time, never changed.</summary>
public sealed class ProblemNote
{
    public const int MaxTextLength = 2000;

    private ProblemNote()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProblemId { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }

    public static ProblemNote Write(Guid problemId, string text, string author, DateTimeOffset now) =>
        new() { ProblemId = problemId, Text = text, Author = author, WrittenAt = now };
}
