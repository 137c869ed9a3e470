using System.Text.Json.Nodes;
using KalugaBot.Bot.Templates;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Conversation;

/// <summary>Builds reply activities from templates in the turn's language.</summary>
public sealed class Replies(ITemplates templates)
{
    public ITemplates Templates { get; } = templates;

    public string Text(ITurnContext turnContext, string key, IReadOnlyDictionary<string, string?>? slots = null) =>
        Templates.Render(key, turnContext.Language(), slots);

    public Activity Message(ITurnContext turnContext, string key, IReadOnlyDictionary<string, string?>? slots = null) =>
        MessageFromText(turnContext, Text(turnContext, key, slots));

    public Activity MessageFromText(ITurnContext turnContext, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Locale = turnContext.Language(),
        InputHint = InputHints.AcceptingInput,
    };

    /// <summary>Adds suggested-action buttons; each title is a template key, each value the text the button sends.</summary>
    public Activity WithSuggestions(ITurnContext turnContext, Activity activity, params (string TitleKey, string? Value)[] actions)
    {
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = actions.Select(a =>
            {
                var title = Text(turnContext, a.TitleKey);
                return new CardAction(ActionTypes.ImBack, title, JsonValue.Create(a.Value ?? title));
            }).ToList(),
        };
        return activity;
    }

    public Task SendAsync(ITurnContext turnContext, string key, IReadOnlyDictionary<string, string?>? slots = null, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(Message(turnContext, key, slots), cancellationToken);
}
