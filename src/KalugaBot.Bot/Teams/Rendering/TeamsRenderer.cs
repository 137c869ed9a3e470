using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Microsoft Teams: suggested actions become card buttons, Adaptive Cards are limited to what Teams renders,
/// markdown is reduced to the subset Teams shows, and replies land in the right thread.</summary>
public sealed class TeamsRenderer : IChannelRenderer
{
    public bool AppliesTo(string? channelId) => string.Equals(channelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    public void Render(ITurnContext turnContext, Activity activity)
    {
        var incoming = turnContext.Activity;
        TeamsThreading.Apply(incoming, activity,
            incomingIsMessage: incoming.IsType(ActivityTypes.Message) && turnContext.TurnState.Get<AdaptiveCardInvokeValue>() is null);
        if (!activity.IsType(ActivityTypes.Message)) return;

        // Text the sender marked as plain (or xml) is shown as it is.
        if (!string.IsNullOrEmpty(activity.Text) && activity.TextFormat is null or "markdown")
        {
            activity.Text = TeamsMarkdown.ForMessage(activity.Text);
            activity.TextFormat = "markdown";
        }
        foreach (var attachment in activity.Attachments ?? [])
            if (attachment.ContentType == ContentTypes.AdaptiveCard && attachment.Content is System.Text.Json.Nodes.JsonObject card)
                AdaptiveCardCompatibility.ForTeams(card);
        SuggestedActionCards.Convert(activity);
    }
}
