using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Outbox;

/// <summary>The durable outbox: LiteDB collection "outbox". Survives restarts because nothing is kept in memory.</summary>
public sealed class LiteDbOutbox
{

    public const string CollectionName = "outbox";
    private readonly ILiteCollection<OutboxMessage> _messages;
    private readonly TimeProvider _time;
    private readonly LiteDbWriteQueue _writes;

    public LiteDbOutbox(LiteDbContext db, TimeProvider time)
    {
        _writes = db.Writes;
        _time = time;
        _messages = db.Collection<OutboxMessage>(CollectionName);
        _messages.EnsureIndex(m => m.NextAttemptUtc);
    }

    /// <summary>Stores the message unless its id is already there (the idempotency key); true when newly stored.</summary>
    public bool Enqueue(string id, string transport, string payloadJson)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            var message = new OutboxMessage { Id = id, Transport = transport, PayloadJson = payloadJson, CreatedUtc = now, NextAttemptUtc = now };
            _writes.Run(_ => _messages.Insert(message));
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public IReadOnlyList<OutboxMessage> Due(int max = 20)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _messages.Query().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now)
            .OrderBy(m => m.NextAttemptUtc).Limit(max).ToList();
    }

    public OutboxMessage? Get(string id) => _messages.FindById(id);

    public IReadOnlyList<OutboxMessage> All() => _messages.FindAll().ToList();

    public void Update(OutboxMessage message) => _writes.Run(_ => _messages.Update(message));
}
