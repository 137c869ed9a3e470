using System.Text.Json.Nodes;

namespace KalugaBot.Protocol.Schema;

public static class ActivityExtensions
{
    /// <summary>A reply addressed back to the sender, as Bot Builder's <c>CreateReply</c>.</summary>
    public static Activity CreateReply(this Activity activity, string? text = null, string? locale = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        From = activity.Recipient is null ? null : new ChannelAccount(activity.Recipient.Id!, activity.Recipient.Name, RoleTypes.Bot),
        Recipient = activity.From is null ? null : new ChannelAccount(activity.From.Id!, activity.From.Name, RoleTypes.User),
        ReplyToId = activity.IsType(ActivityTypes.ConversationUpdate) ? null : activity.Id,
        ServiceUrl = activity.ServiceUrl,
        ChannelId = activity.ChannelId,
        Conversation = activity.Conversation,
        Text = text ?? string.Empty,
        Locale = locale ?? activity.Locale,
    };

    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.IsType(ActivityTypes.ConversationUpdate) ? null : activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };

    /// <summary>Fills the addressing fields of an outgoing activity from a conversation reference.</summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            if (reference.ActivityId is not null) activity.Id = reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId is not null) activity.ReplyToId ??= reference.ActivityId;
        }
        return activity;
    }

    public static Activity CreateTrace(this Activity activity, string name, JsonNode? value = null, string? label = null)
    {
        var reply = activity.CreateReply();
        reply.Type = ActivityTypes.Trace;
        reply.Name = name;
        reply.Label = label;
        reply.Value = value;
        reply.Text = null;
        return reply;
    }

    /// <summary>The string value of a <c>channelData</c> member, or null.</summary>
    public static string? GetChannelDataString(this Activity activity, string name) =>
        activity.ChannelData is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
