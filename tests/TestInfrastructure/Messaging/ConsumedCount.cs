using MassTransit;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>Counts the deliveries of <typeparamref name="T"/> consumed to the end, duplicates included.</summary>
public sealed class ConsumedCount<T> : IConsumeMessageObserver<T> where T : class
{
    private int count;

    public int Value => Volatile.Read(ref count);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
}
