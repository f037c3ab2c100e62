namespace PartyPlatform.Organizations.TreeReplay;

/// <summary>
/// One replay at a time in this instance, and a request that arrived before a replay of the kinds
/// it wants began is answered by it: its sender's queue existed when it sent the request, so that
/// replay reaches it. Every service asks at its start; when they start together, their requests
/// share a replay. Each kind counts on its own: a replay of the units alone answers no request for
/// the Party organisations.
/// </summary>
public sealed class SharedTreeReplay(TimeProvider time)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Dictionary<TreeKinds, long> lastBegun = [];

    /// <param name="wanted">The kinds the request needs replayed.</param>
    /// <param name="replay">Replays the given kinds; returns whether it committed.</param>
    /// <returns>The kinds this request replayed: none when replays that began after it arrived answered it.</returns>
    public async Task<TreeKinds> ReplayAsync(TreeKinds wanted, Func<TreeKinds, Task<bool>> replay, CancellationToken cancellationToken)
    {
        var arrived = time.GetTimestamp();
        await turn.WaitAsync(cancellationToken);
        try
        {
            var kinds = Enum.GetValues<TreeKinds>()
                .Where(kind => kind != TreeKinds.None && wanted.HasFlag(kind) && !(lastBegun.TryGetValue(kind, out var begun) && begun >= arrived))
                .Aggregate(TreeKinds.None, (all, kind) => all | kind);
            if (kinds == TreeKinds.None)
            {
                return TreeKinds.None;
            }

            var begunAt = time.GetTimestamp();
            if (await replay(kinds))
            {
                foreach (var kind in Enum.GetValues<TreeKinds>().Where(kind => kind != TreeKinds.None && kinds.HasFlag(kind)))
                {
                    lastBegun[kind] = begunAt;
                }
            }

            return kinds;
        }
        finally
        {
            turn.Release();
        }
    }
}
