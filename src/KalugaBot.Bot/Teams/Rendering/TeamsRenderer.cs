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
        TeamsThreading.Apply(turnContext.Activity, activity);
        if (!activity.IsType(ActivityTypes.Message)) return;

        if (!string.IsNullOrEmpty(activity.Text))
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
