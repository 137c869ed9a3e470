namespace KalugaBot.Protocol.Storage;

/// <summary>Lets one thread into LiteDB at a time (see <see cref="SerializedLiteEngine"/>); re-entrant for its holder.</summary>
public sealed class LiteDbGate
{
    // Bounds how long the writer stands aside, so a stream of reads cannot hold writes back for good.
    private const long MaxStandAsideMs = 2;
    private readonly object _lock = new();
    private int _waiting;

    public Scope Enter()
    {
        if (!Monitor.TryEnter(_lock))
        {
            Interlocked.Increment(ref _waiting);
            Monitor.Enter(_lock);
            Interlocked.Decrement(ref _waiting);
        }
        return new Scope(_lock);
    }

    /// <summary>For a long holder, the writer's batch: the calls already waiting go first.</summary>
    /// <remarks>A monitor is not fair, and the writer comes back for the gate at once after a batch under load, so
    /// without this a turn's state read could wait for several batches in a row.</remarks>
    public Scope EnterAfterWaiting()
    {
        var until = Environment.TickCount64 + MaxStandAsideMs;
        while (Volatile.Read(ref _waiting) > 0 && Environment.TickCount64 <= until) Thread.Yield();
        return Enter();
    }

    public readonly struct Scope(object held) : IDisposable
    {
        public void Dispose() => Monitor.Exit(held);
    }
}
