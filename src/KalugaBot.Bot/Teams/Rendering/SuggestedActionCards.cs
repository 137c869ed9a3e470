using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Teams does not reliably show suggested actions (only in 1:1 chats, only imBack), so they become the buttons of an
/// Adaptive Card. A button sends its value as the investor's message (messageBack: the title is shown in the chat, the value
/// goes to the bot), exactly what the suggested action would have sent, in personal chats, group chats and channels alike.</summary>
public static class SuggestedActionCards
{
    public static void Convert(Activity activity)
    {
        var actions = activity.SuggestedActions?.Actions;
        activity.SuggestedActions = null;
        if (actions is not { Count: > 0 }) return;

        var buttons = new JsonArray();
        foreach (var action in actions)
            if (ToCardAction(action) is { } button) buttons.Add(button);
        if (buttons.Count == 0) return;

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = AdaptiveCardCompatibility.MaxVersion,
            ["body"] = new JsonArray(),
            ["actions"] = buttons,
        };
        // Teams shows text and a card as two messages; with no other attachment the text goes into the card instead.
        if (activity.Attachments is not { Count: > 0 } && !string.IsNullOrWhiteSpace(activity.Text))
        {
            card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsMarkdown.ForCard(activity.Text), ["wrap"] = true });
            activity.Summary ??= Summary(activity.Text);
            activity.Text = null;
            activity.TextFormat = null;
        }
        (activity.Attachments ??= []).Add(new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card });
    }

    private static JsonObject? ToCardAction(CardAction action)
    {
        var title = action.Title ?? (action.Value as JsonValue)?.ToString();
        if (string.IsNullOrEmpty(title)) return null;
        switch (action.Type)
        {
            case ActionTypes.OpenUrl when action.Value is JsonValue url && url.TryGetValue<string>(out var href):
                return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = href };
            case ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack:
                var msteams = new JsonObject { ["type"] = "messageBack" };
                // postBack sends without showing anything in the chat; the others show what was chosen.
                if (action.Type != ActionTypes.PostBack) msteams["displayText"] = action.DisplayText ?? title;
                if (action.Value is JsonValue v && v.TryGetValue<string>(out var text)) msteams["text"] = action.Text ?? text;
                else
                {
                    msteams["text"] = action.Text ?? title;
                    if (action.Value is not null) msteams["value"] = action.Value.DeepClone();
                }
                return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["msteams"] = msteams } };
            default:
                return null;
        }
    }

    private static string Summary(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Replace("*", "").Trim();
        return firstLine.Length <= 150 ? firstLine : firstLine[..147] + "…";
    }
}
