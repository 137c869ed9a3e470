using KalugaBot.Bot.Questions;
using KalugaBot.Host.Staff.Conversations;

namespace KalugaBot.Host.Staff.KnowledgeQueue;

/// <summary>"Has unanswered question" filter of the conversation list (resolved ones count: the bot did not answer then).</summary>
public sealed class UnansweredMarkSource(IUnansweredQuestions questions) : IConversationMarkSource
{
    public string Mark => ConversationMarkNames.Unanswered;

    public IReadOnlySet<string> ConversationIds() =>
        questions.ListAsync(includeResolved: true, limit: int.MaxValue).GetAwaiter().GetResult().Select(q => q.ConversationId).Where(id => id.Length > 0).ToHashSet();
}
