using KalugaBot.Protocol.Storage;
using LiteDB;

namespace KalugaBot.Bot.Leads;

/// <summary>Leads in the LiteDB collection "leads". One lock makes check-then-insert atomic within the process (the only writer).</summary>
public sealed class LiteDbLeadStore : ILeadStore
{
    public const string CollectionName = "leads";
    private readonly ILiteCollection<Lead> _leads;
    private readonly object _gate = new();
    private readonly TimeProvider _time;

    public LiteDbLeadStore(LiteDbContext db, TimeProvider time)
    {
        _time = time;
        _leads = db.Collection<Lead>(CollectionName);
        _leads.EnsureIndex(l => l.IdempotencyKey, unique: true);
        _leads.EnsureIndex(l => l.CreatedUtc);
    }

    public Task<(Lead Lead, bool Created)> AddAsync(Lead lead, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leads.FindOne(l => l.IdempotencyKey == lead.IdempotencyKey) is { } existing) return Task.FromResult((existing, false));
            if (string.IsNullOrEmpty(lead.Id)) lead.Id = NewId();
            if (lead.CreatedUtc == default) lead.CreatedUtc = Now;
            if (lead.StatusHistory.Count == 0) lead.StatusHistory.Add(new LeadStatusChange { Status = lead.Status, Utc = lead.CreatedUtc, By = "bot" });
            _leads.Insert(lead);
            return Task.FromResult((lead, true));
        }
    }

    public Task<Lead?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Lead?>(_leads.FindById(id));

    public Task<IReadOnlyList<Lead>> ListAsync(LeadStatus? status = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        var query = _leads.Query();
        if (status is { } s) query = query.Where(l => l.Status == s);
        IReadOnlyList<Lead> page = query.OrderByDescending(l => l.CreatedUtc).Skip(Math.Max(0, skip)).Limit(Math.Clamp(take, 1, 500)).ToList();
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
            foreach (var note in lead.Notes) note.Text = "";
            lead.ErasedUtc ??= Now;
            lead.StatusHistory.Add(new LeadStatusChange { Status = lead.Status, Utc = Now, By = by });
        });

    private Task<Lead?> Change(string id, Action<Lead> change)
    {
        lock (_gate)
        {
            if (_leads.FindById(id) is not { } lead) return Task.FromResult<Lead?>(null);
            change(lead);
            _leads.Update(lead);
            return Task.FromResult<Lead?>(lead);
        }
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static string NewId() => "L" + Guid.NewGuid().ToString("N")[..12];
}
