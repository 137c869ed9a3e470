using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Host.Staff.Audit;

/// <summary>One staff action that read or erased personal data (or a sign-in attempt).</summary>
public sealed class AuditEntry
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>What was touched: a conversation id, lead id, … never the personal data itself.</summary>
    public string? Target { get; set; }
}

/// <summary>Append-only audit log in LiteDB (collection "staff_audit"), viewable by admins.</summary>
public sealed class AuditLog
{
    private readonly ILiteCollection<AuditEntry> _entries;
    private readonly TimeProvider _clock;

    public AuditLog(LiteDbContext db, TimeProvider clock)
    {
        _entries = db.Collection<AuditEntry>("staff_audit");
        _entries.EnsureIndex(e => e.AtUtc);
        _clock = clock;
    }

    public void Record(string actor, string action, string? target) =>
        _entries.Insert(new AuditEntry { AtUtc = _clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Target = target });

    public IReadOnlyList<AuditEntry> Recent(int skip, int take, string? actor = null, string? action = null)
    {
        var query = _entries.Query();
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(e => e.Actor == actor.Trim().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action.StartsWith(action.Trim()));
        return query.OrderByDescending(e => e.AtUtc).Skip(skip).Limit(take).ToList();
    }

    public int Count() => _entries.Count();

    /// <summary>Erasing a person also removes their e-mail from the audit targets, keeping the fact that something happened.</summary>
    public int RedactTarget(string target)
    {
        var hits = _entries.Find(e => e.Target == target).ToList();
        foreach (var e in hits) { e.Target = "[erased]"; _entries.Update(e); }
        return hits.Count;
    }
}
