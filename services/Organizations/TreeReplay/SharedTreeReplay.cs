namespace PartyPlatform.Organizations.TreeReplay;

/// <summary>
/// One replay at a time in this instance, and a request that arrived before a replay began is
/// answered by it: its sender's queue existed when it sent the request, so that replay reaches it.
/// Every service asks at its start; when they start together, their requests share a replay.
/// </summary>
public sealed class SharedTreeReplay(TimeProvider time)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private long? lastBegun;

    /// <param name="replay">Replays the tree; returns whether it committed.</param>
    /// <returns>false when a replay that began after the request arrived answered it instead.</returns>
    public async Task<bool> ReplayAsync(Func<Task<bool>> replay, CancellationToken cancellationToken)
    {
        var arrived = time.GetTimestamp();
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (lastBegun >= arrived)
            {
                return false;
            }

            var begun = time.GetTimestamp();
            if (await replay())
            {
                lastBegun = begun;
            }

            return true;
        }
        finally
        {
            turn.Release();
        }
    }
}
