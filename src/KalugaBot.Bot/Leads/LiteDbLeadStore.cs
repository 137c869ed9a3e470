using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Leads;

/// <summary>Leads in the LiteDB collection "leads". One lock makes check-then-insert atomic within the process (the only writer).</summary>
public sealed class LiteDbLeadStore : ILeadStore
{

    public const string CollectionName = "leads";
    /// <summary>What an erased note reads (the note and its date stay, its words go).</summary>
    public const string ErasedText = "[erased]";
    private readonly ILiteCollection<Lead> _leads;
    private readonly LiteDbWriteQueue _writes;
    private readonly object _gate = new();
    private readonly TimeProvider _time;

    public LiteDbLeadStore(LiteDbContext db, TimeProvider time)
    {
        _time = time;
        _writes = db.Writes;
        _leads = db.Collection<Lead>(CollectionName);
        _leads.EnsureIndex(l => l.IdempotencyKey, unique: true);
        _leads.EnsureIndex(l => l.CreatedUtc);
    }

    public Task<(Lead Lead, bool Created)> AddAsync(Lead lead, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_writes.Run(_ =>
            {
                if (_leads.FindOne(l => l.IdempotencyKey == lead.IdempotencyKey) is { } existing) return (existing, false);
                if (string.IsNullOrEmpty(lead.Id)) lead.Id = NewId();
                if (lead.CreatedUtc == default) lead.CreatedUtc = Now;
                if (lead.StatusHistory.Count == 0) lead.StatusHistory.Add(new LeadStatusChange { Status = lead.Status, Utc = lead.CreatedUtc, By = "bot" });
                _leads.Insert(lead);
                return (lead, true);
            }));
    }

    public Task<Lead?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Lead?>(_leads.FindById(id));

    public Task<IReadOnlyList<Lead>> ListAsync(LeadStatus? status = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        var query = _leads.Query();
        if (status is { } s) query = query.Where(l => l.Status == s);
        IReadOnlyList<Lead> page = query.OrderByDescending(l => l.CreatedUtc).Skip(Math.Max(0, skip)).Limit(Math.Max(1, take)).ToList();
        return Task.FromResult(page);
    }

    public Task<Lead?> UpdateStatusAsync(string id, LeadStatus status, string by, CancellationToken cancellationToken = default) =>
        Change(id, lead =>
        {
            if (lead.Status == status) return;
            lead.Status = status;
            lead.StatusHistory.Add(new LeadStatusChange { Status = status, Utc = Now, By = by });
        });

    public Task<Lead?> AddNoteAsync(string id, string text, string by, CancellationToken cancellationToken = default) =>
        Change(id, lead => lead.Notes.Add(new LeadNote { Utc = Now, By = by, Text = text }));

    public Task<Lead?> EraseAsync(string id, string by, CancellationToken cancellationToken = default) =>
        Change(id, lead =>
        {
            lead.Contact = new LeadContact();
            foreach (var note in lead.Notes) note.Text = ErasedText;
            lead.ErasedUtc ??= Now;
            lead.StatusHistory.Add(new LeadStatusChange { Status = lead.Status, Utc = Now, By = by });
        });

    private Task<Lead?> Change(string id, Action<Lead> change)
    {
        lock (_gate)
            return Task.FromResult(_writes.Run<Lead?>(_ =>
            {
                if (_leads.FindById(id) is not { } lead) return null;
                change(lead);
                _leads.Update(lead);
                return lead;
            }));
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static string NewId() => "L" + Guid.NewGuid().ToString("N")[..12];
}
