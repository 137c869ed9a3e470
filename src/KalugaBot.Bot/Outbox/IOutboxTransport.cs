namespace KalugaBot.Bot.Outbox;

/// <summary>Delivers outbox messages of one kind. Throwing (or returning false) means "retry later".</summary>
public interface IOutboxTransport
{
    string Name { get; }
    /// <summary>False when the transport is not configured; then no messages are enqueued for it.</summary>
    bool IsEnabled { get; }
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
