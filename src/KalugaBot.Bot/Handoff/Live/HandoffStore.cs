using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>Hand-off state and relayed messages in LiteDB. Transitions are compare-and-set under one lock: of two concurrent accepts exactly one wins.</summary>
public sealed class HandoffStore
{

    private readonly ILiteCollection<HandoffRecord> _records;
    private readonly ILiteCollection<RelayMessage> _messages;
    private readonly LiteDbWriteQueue _writes;
    private readonly object _gate = new();
    // Every turn asks for its conversation's hand-off and almost none has one: answer that from memory, without the
    // gate (a tenth of the turns' lock waits under load). Only this class writes the collection, so the set stays exact.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _conversations;

    public HandoffStore(LiteDbContext db)
    {
        _writes = db.Writes;
        _records = db.Collection<HandoffRecord>("handoffs");
        _records.EnsureIndex(r => r.State);
        _messages = db.Collection<RelayMessage>("handoff_messages");
        _messages.EnsureIndex(m => m.ConversationId);
        _conversations = new(_records.Query().Select(r => r.Id).ToEnumerable().Select(id => KeyValuePair.Create(id, (byte)0)), StringComparer.Ordinal);
    }

    public HandoffRecord? Get(string conversationId)
    {
        if (!_conversations.ContainsKey(conversationId)) return null;
        return _records.FindById(conversationId);
    }

    public IReadOnlyList<HandoffRecord> InState(HandoffState state) =>
        _records.Query().Where(r => r.State == state).OrderBy(r => r.RequestedUtc).ToList();

    public enum Outcome { Changed, NotFound, Conflict }

    /// <summary>Moves the record from one of <paramref name="expected"/> to <paramref name="to"/>; <paramref name="change"/> may veto by returning false.</summary>
    public (Outcome Outcome, HandoffRecord? Record) Transition(string conversationId, HandoffState[] expected, HandoffState to, string by, DateTime now,
        Func<HandoffRecord, bool>? change = null, Func<HandoffRecord>? create = null)
    {
        lock (_gate)
            return _writes.Run<(Outcome, HandoffRecord?)>(_ =>
            {
                var record = _records.FindById(conversationId) ?? create?.Invoke();
                if (record is null) return (Outcome.NotFound, null);
                if (!expected.Contains(record.State) || (change is not null && !change(record))) return (Outcome.Conflict, record);
                record.History.Add(new HandoffTransition { From = record.State, To = to, Utc = now, By = by });
                record.State = to;
                _records.Upsert(record);
                _conversations.TryAdd(conversationId, 0);
                return (Outcome.Changed, record);
            });
    }

    public void UpdateReference(string conversationId, string referenceJson)
    {
        lock (_gate)
            _writes.Run(_ =>
            {
                if (_records.FindById(conversationId) is not { } record || record.ReferenceJson == referenceJson) return;
                record.ReferenceJson = referenceJson;
                _records.Update(record);
            });
    }

    public RelayMessage Append(string conversationId, string from, string? senderName, string text, DateTime now)
    {
        lock (_gate)
            return _writes.Run(_ =>
            {
                var record = _records.FindById(conversationId) ?? throw new InvalidOperationException("No hand-off for this conversation.");
                record.LastSequence++;
                _records.Update(record);
                var message = new RelayMessage
                {
                    Id = $"{conversationId}|{record.LastSequence:D9}", ConversationId = conversationId, Sequence = record.LastSequence,
                    From = from, SenderName = senderName, Text = text, Utc = now,
                };
                _messages.Insert(message);
                return message;
            });
    }

    public IReadOnlyList<RelayMessage> MessagesAfter(string conversationId, long cursor, int max = 100) =>
        _messages.Query().Where(m => m.ConversationId == conversationId && m.Sequence > cursor).OrderBy(m => m.Sequence).Limit(max).ToList();

    public void DeleteConversation(string conversationId)
    {
        lock (_gate)
            _writes.Run(_ =>
            {
                _messages.DeleteMany(m => m.ConversationId == conversationId);
                _records.Delete(conversationId);
                _conversations.TryRemove(conversationId, out byte _);
            });
    }
}
