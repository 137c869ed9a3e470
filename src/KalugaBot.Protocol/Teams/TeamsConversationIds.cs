namespace KalugaBot.Protocol.Teams;

/// <summary>Teams channel conversation ids: <c>19:…@thread.tacv2</c> for the channel, <c>…;messageid=ROOT</c> for one thread in it.</summary>
public static class TeamsConversationIds
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>The channel's own id, without a thread suffix.</summary>
    public static string ChannelOf(string conversationId)
    {
        var at = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    /// <summary>The id of the thread's root message, or null for a conversation that names no thread.</summary>
    public static string? ThreadRootOf(string conversationId)
    {
        var at = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var root = conversationId[(at + ThreadMarker.Length)..];
        return root.Length == 0 ? null : root;
    }

    /// <summary>The conversation id that posts into the thread started by <paramref name="rootMessageId"/>.</summary>
    public static string ForThread(string conversationId, string rootMessageId) =>
        ChannelOf(conversationId) + ThreadMarker + rootMessageId;
}
