using System.Collections.Concurrent;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Teams;
using LiteDB;

namespace KalugaBot.Bot.Teams.Proactive;

/// <summary>A stored conversation reference with what staff need to pick one (tenant, team, channel names).</summary>
public sealed class StoredConversationReference
{
    /// <summary>"{channelId}|{conversationId}"; for a Teams channel the conversation id of the channel, without a thread.</summary>
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? TeamsChannelName { get; set; }
    public string ReferenceJson { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }

    /// <summary>A fresh copy each call: callers may change it (e.g. to address a thread).</summary>
    public ConversationReference ToReference() => ProtocolJson.Deserialize<ConversationReference>(ReferenceJson)!;
}

/// <summary>Conversation references in LiteDB (collection <c>conversationReferences</c>), so proactive messages survive restarts.</summary>
/// <remarks>Only references taken from authenticated incoming activities are stored (the bot token is never sent to a serviceUrl
/// that did not arrive in a validated activity). A channel thread is stored as its channel, so a proactive message starts a new thread.</remarks>
public sealed class ConversationReferenceStore
{
    private readonly ILiteCollection<StoredConversationReference> _references;
    private readonly LiteDbWriteQueue _writes;
    // Key → serviceUrl of what is stored, so busy conversations cost no extra writes.
    private readonly ConcurrentDictionary<string, string> _stored = new(StringComparer.Ordinal);

    public ConversationReferenceStore(LiteDbContext db)
    {
        _references = db.Collection<StoredConversationReference>("conversationReferences");
        _writes = db.Writes;
        _references.EnsureIndex(r => r.ChannelId);
        _references.EnsureIndex(r => r.TeamId);
    }

    public static string KeyOf(string channelId, string conversationId) => $"{channelId}|{Normalize(channelId, conversationId)}";

    /// <summary>Stores the reference of an incoming activity unless the same one is stored already; false when it has no serviceUrl or conversation.</summary>
    public Task<bool> SaveAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.ChannelId is not { Length: > 0 } channelId || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
            return Task.FromResult(false);
        var key = KeyOf(channelId, conversationId);
        if (_stored.TryGetValue(key, out var known) && known == serviceUrl) return Task.FromResult(true);

        var reference = activity.GetConversationReference();
        reference.ActivityId = null; // proactive messages are new posts, not replies to whatever came last
        var baseId = Normalize(channelId, conversationId);
        reference.Conversation = new ConversationAccount(baseId)
        {
            ConversationType = activity.Conversation.ConversationType,
            IsGroup = activity.Conversation.IsGroup,
            TenantId = activity.GetTenantId(),
            Name = activity.Conversation.Name,
        };
        var teams = activity.IsTeams() ? activity.GetTeamsChannelData() : null;
        var row = new StoredConversationReference
        {
            Id = key,
            ChannelId = channelId,
            ConversationId = baseId,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = reference.Conversation.TenantId,
            TeamId = teams?.Team?.Id,
            TeamName = teams?.Team?.Name,
            TeamsChannelName = teams?.Channel?.Name,
            ReferenceJson = ProtocolJson.Serialize(reference),
            UpdatedUtc = DateTime.UtcNow,
        };
        // Through the writer's batch: a turn does not wait for a commit of its own.
        _writes.Enqueue(_ => _references.Upsert(row));
        _stored[key] = serviceUrl;
        return Task.FromResult(true);
    }

    public async Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await _writes.FlushAsync().ConfigureAwait(false);
        return _references.FindById(KeyOf(channelId, conversationId));
    }

    /// <summary>Every stored conversation of a channel (e.g. msteams), most recently seen first.</summary>
    public async Task<IReadOnlyList<StoredConversationReference>> ListAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await _writes.FlushAsync().ConfigureAwait(false);
        return _references.Find(r => r.ChannelId == channelId).OrderByDescending(r => r.UpdatedUtc).ToList();
    }

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(channelId, conversationId);
        _stored.TryRemove(key, out _);
        return Task.FromResult(_writes.Run(_ => _references.Delete(key))); // after any queued save of it
    }

    private static string Normalize(string channelId, string conversationId) =>
        string.Equals(channelId, Protocol.Schema.Channels.Msteams, StringComparison.OrdinalIgnoreCase)
            ? TeamsConversationIds.ChannelOf(conversationId)
            : conversationId;
}
