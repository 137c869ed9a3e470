using System.Text.Json.Nodes;
using KalugaBot.Bot.Conversation;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Teams;

/// <summary>Answers Teams <c>adaptiveCard/action</c> invokes (Action.Execute): the bot sees the action as the card submit it
/// stands for, and Teams gets the invoke response it waits for (<c>{statusCode:200, type:…activity.message, value}</c>).</summary>
/// <remarks>Card features (site matching) handle Action.Submit values, which is what Web Chat sends; presenting Action.Execute
/// the same way keeps one code path. The activity type is restored before the adapter reads the invoke response.</remarks>
public sealed class AdaptiveCardActionMiddleware(Replies replies, ILogger<AdaptiveCardActionMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Invoke) || !string.Equals(activity.Name, TeamsInvokeNames.AdaptiveCardAction, StringComparison.Ordinal))
        {
            await next(cancellationToken);
            return;
        }

        var action = AdaptiveCardInvokeValue.From(activity);
        if (action is null || !string.Equals(action.ActionType, AdaptiveCardInvokeValue.ExecuteAction, StringComparison.Ordinal))
        {
            logger.LogInformation("Unsupported adaptiveCard/action {ActionType} in {ConversationId}", action?.ActionType, activity.Conversation?.Id);
            await turnContext.SendActivityAsync(AdaptiveCardInvokeResponses.Error(400, "NotSupported",
                $"The action '{action?.ActionType}' is not supported.").ToActivity(), cancellationToken);
            return;
        }

        var (type, name, value, text) = (activity.Type, activity.Name, activity.Value, activity.Text);
        activity.Type = ActivityTypes.Message;
        activity.Name = null;
        (activity.Text, activity.Value) = AsSubmit(action);
        turnContext.TurnState.Set(action);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            (activity.Type, activity.Name, activity.Value, activity.Text) = (type, name, value, text);
        }
        await turnContext.SendActivityAsync(AdaptiveCardInvokeResponses.Message(replies.Text(turnContext, "teams.card_action_done")).ToActivity(), cancellationToken);
    }

    /// <summary>String data posts text (as imBack would); object data is the submit value, with the verb added when it has none.</summary>
    private static (string? Text, JsonNode? Value) AsSubmit(AdaptiveCardInvokeValue action)
    {
        if (action.Data is JsonValue v && v.TryGetValue<string>(out var s)) return (s, null);
        var data = action.Data as JsonObject ?? new JsonObject();
        if (action.Verb is not null && !data.ContainsKey("verb")) data["verb"] = action.Verb;
        return (null, data);
    }
}
