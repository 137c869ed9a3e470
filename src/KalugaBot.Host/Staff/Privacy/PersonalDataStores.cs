using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Outbox;
using KalugaBot.Bot.Questions;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Host.Staff.Search;
using KalugaBot.Protocol.DirectLine;
using KalugaBot.Protocol.State;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Privacy;

/// <summary>Every place personal data of a conversation can live, and how to remove it from each.
/// Collections owned by other features are reached through their stores where those offer a removal, else by name.</summary>
public sealed class PersonalDataStores(LiteDbContext db, ITranscriptStore transcripts, ILeadStore leads, HandoffStore handoffs,
    TranscriptIndexer index, ConversationReviews reviews, ConversationMarks marks, IStorage state, DirectLineStore directLine)
{
    public LiteDbContext Db => db;
    public ILiteCollection<ConversationRecord> Conversations => db.Collection<ConversationRecord>("conversations");
    public ILiteCollection<ActivityRecord> Activities => db.Collection<ActivityRecord>("activities");
    public ILiteCollection<BsonDocument> State => db.Collection<BsonDocument>("state");
    public ILiteCollection<BsonDocument> Outbox => db.Collection<BsonDocument>(LiteDbOutbox.CollectionName);
    public ILiteCollection<BsonDocument> Unanswered => db.Collection<BsonDocument>(LiteDbUnansweredQuestions.CollectionName);
    public ILiteCollection<Lead> Leads => db.Collection<Lead>(LiteDbLeadStore.CollectionName);

    /// <summary>The user ids a conversation was held with (transcript summary and Direct Line log).</summary>
    public IReadOnlyList<string> UsersOf(string conversationId)
    {
        var ids = new List<string>();
        if (Conversations.FindById(conversationId)?.UserId is { Length: > 0 } u) ids.Add(u);
        if (directLine.UserOf(conversationId) is { Length: > 0 } d) ids.Add(d);
        return ids.Distinct().ToList();
    }

    /// <summary>Removes the conversation from every store; leads keep only their anonymous statistics.</summary>
    public async Task<int> EraseConversationAsync(string conversationId, string by, CancellationToken cancellationToken)
    {
        var removed = 0;
        var users = UsersOf(conversationId);
        var channel = Conversations.FindById(conversationId)?.ChannelId ?? "";
        await transcripts.DeleteTranscriptAsync(channel, conversationId, cancellationToken);
        // State keys are "{channel}/conversations/{id}", "{channel}/users/{userId}" and feature keys that embed the ids.
        // Deleted through the bot's storage, which keeps recent state in memory: deleting the rows behind its back would
        // leave the erased state there, to be saved again on the conversation's next turn.
        var stateKeys = State.FindAll().Select(r => r["_id"].AsString).Where(k => Mentions(k, conversationId, users)).ToList();
        await state.DeleteAsync(stateKeys, cancellationToken);
        await db.Writes.FlushAsync();
        removed += stateKeys.Count;
        // Through the Direct Line store, which keeps live conversations in memory: deleting its rows behind its back left
        // the erased messages readable by the investor's token until the conversation went idle.
        removed += directLine.Forget(conversationId);
        foreach (var lead in Leads.Find(l => l.ConversationId == conversationId).ToList())
        {
            await leads.EraseAsync(lead.Id, by, cancellationToken);
            removed += Outbox.DeleteMany(LiteQuery.Contains("PayloadJson", lead.Id));
        }
        removed += Outbox.DeleteMany(LiteQuery.Contains("PayloadJson", conversationId));
        handoffs.DeleteConversation(conversationId);
        removed += Unanswered.DeleteMany(LiteQuery.Equal("ConversationId", conversationId));
        reviews.Delete(conversationId);
        marks.Delete(conversationId);
        await index.ResetConversationAsync(conversationId, reindex: false, cancellationToken);
        return removed;
    }

    private static bool Mentions(string key, string conversationId, IReadOnlyList<string> users) =>
        key.Contains(conversationId, StringComparison.Ordinal) || users.Any(u => key.EndsWith("/" + u, StringComparison.Ordinal) || key.Contains("/" + u + "/", StringComparison.Ordinal));
}
