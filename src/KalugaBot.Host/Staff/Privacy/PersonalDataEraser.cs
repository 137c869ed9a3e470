using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Search;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Privacy;

public sealed record ErasureResult(int Conversations, int Leads, int Rows);

/// <summary>"Forget this person": by e-mail (the leads with it, and every conversation where it was typed) or by conversation id,
/// across transcripts, state, leads, outbox, hand-off, Direct Line log, unanswered questions, staff notes and the search index;
/// then compacts the database and the index so no deleted bytes stay in the files.</summary>
public sealed class PersonalDataEraser(PersonalDataStores stores, TranscriptSearchIndex index, AuditLog audit, ILogger<PersonalDataEraser> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ErasureResult> EraseAsync(string? email, string? conversationId, string by, CancellationToken cancellationToken)
    {
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        conversationId = string.IsNullOrWhiteSpace(conversationId) ? null : conversationId.Trim();
        if (email is null && conversationId is null) return new ErasureResult(0, 0, 0);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var conversations = new HashSet<string>(StringComparer.Ordinal);
            if (conversationId is not null) conversations.Add(conversationId);
            var leads = 0;
            if (email is not null)
            {
                var lower = email.ToLowerInvariant();
                foreach (var lead in stores.Leads.FindAll().Where(l => string.Equals(l.Contact.Email, email, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    leads++;
                    if (lead.ConversationId.Length > 0) conversations.Add(lead.ConversationId);
                }
                // A conversation where the address was typed is about this person too (the contact dialog, free text).
                foreach (var row in stores.Activities.Find(LiteQuery.Contains("Json", email)).Select(r => r.ConversationId)) conversations.Add(row);
                if (lower != email) foreach (var row in stores.Activities.Find(LiteQuery.Contains("Json", lower)).Select(r => r.ConversationId)) conversations.Add(row);
            }
            var rows = 0;
            foreach (var id in conversations) rows += await stores.EraseConversationAsync(id, by, cancellationToken);
            if (email is not null) audit.RedactTarget(email);
            Compact();
            audit.Record(by, "privacy.erase", $"{conversations.Count} conversation(s), {leads} lead(s)");
            log.LogInformation("Erased {Conversations} conversation(s) and {Leads} lead(s) on request", conversations.Count, leads);
            return new ErasureResult(conversations.Count, leads, rows);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Deleted LiteDB documents and Lucene documents stay in the files until rewritten: rewrite both now.</summary>
    private void Compact()
    {
        index.ExpungeDeletes();
        stores.Db.Rebuild();
    }
}
