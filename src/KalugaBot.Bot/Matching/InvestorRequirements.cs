using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.State;

namespace KalugaBot.Bot.Matching;

/// <summary>The investor's stated requirements and the recommended sites, for any feature (the hand-off reads it).
/// Also clears them on "start over".</summary>
public sealed class InvestorRequirements(ConversationAccessors accessors) : IConversationReset
{
    public IStatePropertyAccessor<MatchingState> State { get; } = accessors.ConversationState.CreateProperty<MatchingState>("matching");

    public Task<MatchingState> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        State.GetAsync(turnContext, () => new MatchingState(), cancellationToken);

    public Task ResetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        State.SetAsync(turnContext, new MatchingState(), cancellationToken);
}
