using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Puts replies into the thread the investor wrote in.</summary>
/// <remarks>A channel message's conversation id names its thread (<c>…;messageid=ROOT</c>); a reply posted there with
/// <c>replyToId</c> appears in that thread. Card actions and reactions are not messages to reply to: their replies go to the
/// message they act on, or the thread root.</remarks>
public static class TeamsThreading
{
    public static void Apply(Activity incoming, Activity outgoing)
    {
        var conversationId = outgoing.Conversation?.Id;
        if (conversationId is null) return;

        var isChannel = string.Equals(outgoing.Conversation!.ConversationType ?? incoming.Conversation?.ConversationType,
            TeamsConversationTypes.Channel, StringComparison.Ordinal);
        var repliesToIncoming = outgoing.ReplyToId is not null && outgoing.ReplyToId == incoming.Id;

        if (repliesToIncoming && !incoming.IsType(ActivityTypes.Message))
            outgoing.ReplyToId = incoming.ReplyToId ?? TeamsConversationIds.ThreadRootOf(conversationId);

        // A root post in a channel sometimes arrives without the thread suffix: thread the reply under that post.
        if (isChannel && outgoing.ReplyToId is { } replyTo && TeamsConversationIds.ThreadRootOf(conversationId) is null
            && incoming.IsType(ActivityTypes.Message) && replyTo == incoming.Id)
        {
            outgoing.Conversation = CopyWithId(outgoing.Conversation, TeamsConversationIds.ForThread(conversationId, replyTo));
        }
    }

    // The conversation object is shared with the incoming activity; never change it in place.
    private static ConversationAccount CopyWithId(ConversationAccount conversation, string id) => new(id)
    {
        ConversationType = conversation.ConversationType,
        IsGroup = conversation.IsGroup,
        TenantId = conversation.TenantId,
        Name = conversation.Name,
        AadObjectId = conversation.AadObjectId,
        Properties = conversation.Properties,
    };
}
