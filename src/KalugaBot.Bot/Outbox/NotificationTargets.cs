using JsonSerializer = System.Text.Json.JsonSerializer;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Outbox;

/// <summary>Conversation references where staff want notifications (LiteDB "notification_targets"), so proactive posts survive restarts.</summary>
public sealed class NotificationTargets(LiteDbContext db)
{
    public const string Teams = "teams";
    private readonly ILiteCollection<TargetRow> _rows = db.Collection<TargetRow>("notification_targets");

    public void Set(string name, ConversationReference reference) =>
        _rows.Upsert(new TargetRow { Id = name, ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJson.Options), UpdatedUtc = DateTime.UtcNow });

    public ConversationReference? Get(string name) =>
        _rows.FindById(name) is { } row ? JsonSerializer.Deserialize<ConversationReference>(row.ReferenceJson, ProtocolJson.Options) : null;

    public sealed class TargetRow
    {
        public string Id { get; set; } = "";
        public string ReferenceJson { get; set; } = "";
        public DateTime UpdatedUtc { get; set; }
    }
}
