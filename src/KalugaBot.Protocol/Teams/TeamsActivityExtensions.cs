using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Teams;

public static class TeamsActivityExtensions
{
    public static bool IsTeams(this Activity activity) =>
        string.Equals(activity.ChannelId, Schema.Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Teams channelData, or null when absent or not an object (bad input is not an error here).</summary>
    public static TeamsChannelData? GetTeamsChannelData(this Activity activity)
    {
        if (activity.ChannelData is not JsonObject data) return null;
        try
        {
            return data.Deserialize<TeamsChannelData>(ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.Conversation?.TenantId ?? activity.GetTeamsChannelData()?.Tenant?.Id;

    /// <summary>personal, groupChat or channel; personal when Teams does not say (1:1 chats sometimes omit it).</summary>
    public static string GetConversationType(this Activity activity) =>
        activity.Conversation?.ConversationType is { Length: > 0 } type ? type
        : activity.Conversation?.IsGroup == true ? TeamsConversationTypes.GroupChat
        : TeamsConversationTypes.Personal;

    /// <summary>True when this conversationUpdate announces the bot itself (installation in a team, chat or personal scope).</summary>
    public static bool IsBotAdded(this Activity activity) =>
        activity.Recipient?.Id is { } botId && activity.MembersAdded?.Any(m => m.Id == botId) == true;

    public static bool IsBotRemoved(this Activity activity) =>
        activity.Recipient?.Id is { } botId && activity.MembersRemoved?.Any(m => m.Id == botId) == true;

    /// <summary>The locale of the Teams client: the activity's <c>locale</c>, else the (deprecated) clientInfo entity's.</summary>
    public static string? GetClientLocale(this Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Locale)) return activity.Locale;
        return activity.Entities?
            .Where(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.GetString("locale"))
            .FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
    }
}
