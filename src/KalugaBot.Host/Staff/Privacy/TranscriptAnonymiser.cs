using KalugaBot.Host.Staff.Audit;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Privacy;

/// <summary>Past the retention period a transcript keeps its shape (types, roles, times, counts: the statistics) but loses
/// what identifies or describes the person: texts, attachments, names, ids, channel data, and every other store's copy.</summary>
public sealed class TranscriptAnonymiser(PersonalDataStores stores, AuditLog audit, ILogger<TranscriptAnonymiser> log)
{
    public const string Placeholder = "[anonymised]";
    public const string AnonymousPrefix = "anon-";

    /// <summary>Anonymises every conversation whose last activity is before <paramref name="cutoffUtc"/>; returns how many.</summary>
    public async Task<int> AnonymiseOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var due = stores.Conversations.Find(LiteQuery.Less(nameof(ConversationRecord.LastActivityUtc), cutoffUtc))
            .Where(c => c.UserId is null || !c.UserId.StartsWith(AnonymousPrefix, StringComparison.Ordinal)).Select(c => c.Id).ToList();
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AnonymiseAsync(id, cancellationToken);
        }
        if (due.Count > 0)
        {
            audit.Record("retention", "privacy.anonymise", $"{due.Count} conversation(s)");
            log.LogInformation("Anonymised {Count} conversation(s) past the retention period", due.Count);
        }
        return due.Count;
    }

    public async Task AnonymiseAsync(string conversationId, CancellationToken cancellationToken)
    {
        var record = stores.Conversations.FindById(conversationId);
        if (record is null) return;
        var anonymous = AnonymousPrefix + Guid.NewGuid().ToString("N")[..12];
        var rows = stores.Activities.Find(ActivityRecord.RangeOf(conversationId)).ToList();
        foreach (var row in rows) Strip(row, conversationId, anonymous);
        // Every store's copy goes (the other stores find it by the user id, which is about to be replaced) …
        await stores.EraseConversationAsync(conversationId, "retention", cancellationToken);
        // … then the anonymised skeleton comes back, so statistics still count the conversation.
        record.UserId = anonymous;
        stores.Activities.InsertBulk(rows);
        stores.Conversations.Upsert(record);
    }

    private static void Strip(ActivityRecord row, string conversationId, string anonymousUser)
    {
        var a = ProtocolJson.Deserialize<Activity>(row.Json) ?? new Activity { Type = row.Type };
        var skeleton = new Activity
        {
            Type = a.Type, Id = a.Id, Timestamp = a.Timestamp, ChannelId = a.ChannelId, Locale = a.Locale, ReplyToId = a.ReplyToId, Name = a.Name,
            Conversation = new ConversationAccount(conversationId),
            From = Account(a.From, anonymousUser), Recipient = Account(a.Recipient, anonymousUser),
            Text = a.Text is null ? null : Placeholder,
        };
        row.Text = skeleton.Text;
        row.Json = ProtocolJson.Serialize(skeleton);
    }

    private static ChannelAccount? Account(ChannelAccount? account, string anonymousUser) => account is null ? null
        : account.Role == RoleTypes.User ? new ChannelAccount(anonymousUser, null, RoleTypes.User) : new ChannelAccount(account.Id ?? "bot", account.Name, account.Role ?? RoleTypes.Bot);
}
