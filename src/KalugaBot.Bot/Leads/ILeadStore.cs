namespace KalugaBot.Bot.Leads;

/// <summary>Leads for the contact dialog and the staff portal.</summary>
public interface ILeadStore
{
    /// <summary>Stores the lead unless one with the same idempotency key exists; returns the stored one and whether it is new.</summary>
    Task<(Lead Lead, bool Created)> AddAsync(Lead lead, CancellationToken cancellationToken = default);
    Task<Lead?> GetAsync(string id, CancellationToken cancellationToken = default);
    /// <summary>Newest first; optionally only one status.</summary>
    Task<IReadOnlyList<Lead>> ListAsync(LeadStatus? status = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default);
    Task<Lead?> UpdateStatusAsync(string id, LeadStatus status, string by, CancellationToken cancellationToken = default);
    Task<Lead?> AddNoteAsync(string id, string text, string by, CancellationToken cancellationToken = default);
    /// <summary>Removes the personal fields and note texts; keeps country, sites, criteria, dates and status for statistics.</summary>
    Task<Lead?> EraseAsync(string id, string by, CancellationToken cancellationToken = default);
}
