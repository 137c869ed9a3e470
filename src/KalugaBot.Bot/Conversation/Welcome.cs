using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Conversation;

/// <summary>Greets an investor once, when they join a conversation.</summary>
public sealed class Welcome(ConversationAccessors accessors, Replies replies)
{
    public async Task OnMembersAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded is not { } added || !added.Any(m => m.Id != botId)) return;
        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Welcomed) return;
        data.Welcomed = true;
        await turnContext.SendActivityAsync(WelcomeMessage(turnContext), cancellationToken);
    }

    public Activity WelcomeMessage(ITurnContext turnContext) =>
        replies.WithSuggestions(turnContext, replies.Message(turnContext, "general.welcome"),
            ("general.suggest_find_site", null), ("general.suggest_benefits", null), ("general.suggest_contact", null));
}
