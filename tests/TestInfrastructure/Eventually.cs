namespace PartyPlatform.TestInfrastructure;

/// <summary>Waits for a condition with a deadline, checking often; never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        await ValueAsync(async () => await condition() ? true : (bool?)null, timeout);
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : struct
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await WaitAsync(deadline.Token, timeout);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await WaitAsync(deadline.Token, timeout);
        }
    }

    private static async Task WaitAsync(CancellationToken deadline, TimeSpan timeout)
    {
        try
        {
            await Task.Delay(Interval, deadline);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The condition did not hold within {timeout}.");
        }
    }
}
