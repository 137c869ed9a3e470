using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Teams.Proactive;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Teams;

/// <summary>Teams events that are not conversation: installation (welcome once), uninstallation, reactions, team events.</summary>
public sealed class TeamsTurnInterceptor(
    ConversationAccessors accessors,
    Welcome welcome,
    Replies replies,
    ConversationReferenceStore references,
    ReactionLog reactions,
    ILogger<TeamsTurnInterceptor> logger) : ITurnInterceptor
{
    /// <summary>Early: Teams events never reach a live-agent relay or the dialogs.</summary>
    public int Order => -100;

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!activity.IsTeams()) return false;

        if (activity.IsType(ActivityTypes.ConversationUpdate)) return await OnConversationUpdateAsync(turnContext, cancellationToken);
        if (activity.IsType(ActivityTypes.InstallationUpdate))
        {
            await OnInstallationUpdateAsync(turnContext, cancellationToken);
            return true;
        }
        if (activity.IsType(ActivityTypes.MessageReaction))
        {
            await reactions.RecordAsync(activity, cancellationToken);
            return true;
        }
        return false;
    }

    private async Task<bool> OnConversationUpdateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsBotRemoved())
        {
            await ForgetAsync(turnContext, cancellationToken);
            return true;
        }
        if (activity.IsBotAdded())
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
            return true;
        }
        // Someone else joined: greet in a 1:1 chat as on any channel, but never post into a team for every new member.
        return activity.GetConversationType() != TeamsConversationTypes.Personal;
    }

    private async Task OnInstallationUpdateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        logger.LogInformation("Teams app {Action} in {ConversationType} conversation {ConversationId} (tenant {TenantId})",
            activity.Action, activity.GetConversationType(), activity.Conversation?.Id, activity.GetTenantId());
        // Install also arrives as a conversationUpdate, which welcomes; welcoming here too could greet twice.
        if (string.Equals(activity.Action, InstallationActions.Remove, StringComparison.OrdinalIgnoreCase))
            await ForgetAsync(turnContext, cancellationToken);
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Welcomed) return;
        data.Welcomed = true;
        var message = turnContext.Activity.GetConversationType() == TeamsConversationTypes.Personal
            ? welcome.WelcomeMessage(turnContext)
            : replies.WithSuggestions(turnContext,
                replies.Message(turnContext, "teams.welcome_team", new Dictionary<string, string?> { ["botName"] = turnContext.Activity.Recipient?.Name ?? "KalugaBot" }),
                ("general.suggest_find_site", null), ("general.suggest_benefits", null), ("general.suggest_contact", null));
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>After uninstallation Teams answers 403 to proactive messages, and a re-install deserves a new welcome.</summary>
    private async Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity is not { ChannelId: { } channelId, Conversation.Id: { } conversationId }) return;
        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        data.Welcomed = false;
        await references.DeleteAsync(channelId, conversationId, cancellationToken);
    }
}
