namespace PartyPlatform.TestInfrastructure;

/// <summary>The last lines a process printed, kept from its output events to explain a failure.</summary>
public sealed class RecentLines(int capacity)
{
    private readonly Queue<string> lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }
}
