using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Delivers bot activities of Direct Line conversations by appending them to the conversation log the client polls.</summary>
public sealed class DirectLineSender(DirectLineStore store, IOptions<DirectLineOptions> options) : IChannelSender
{
    public bool CanSend(ConversationReference reference) =>
        string.Equals(reference.ChannelId, options.Value.ChannelId, StringComparison.OrdinalIgnoreCase)
        && reference.Conversation?.Id is { } id && store.Find(id) is not null;

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Polling clients get no typing (as the real service); it is neither stored nor shown.
        if (activity.IsType(ActivityTypes.Typing)) return Task.FromResult(new ResourceResponse(null));
        var log = store.Find(activity.Conversation!.Id!) ?? throw new InvalidOperationException("Unknown Direct Line conversation.");
        if (activity.From is not null) activity.From.Role ??= RoleTypes.Bot;
        return Task.FromResult(new ResourceResponse(store.Append(log, activity)));
    }

    /// <summary>Web Chat treats a second activity with the same id as a replacement, so an update is appended with that id.</summary>
    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var log = store.Find(activity.Conversation!.Id!) ?? throw new InvalidOperationException("Unknown Direct Line conversation.");
        var id = activity.Id;
        store.Append(log, activity);
        activity.Id = id;
        return Task.FromResult(new ResourceResponse(id));
    }

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line clients cannot delete activities.");
}
