using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Channels;

/// <summary>Delivers bot activities to a channel. Several may be registered; the first that accepts a conversation wins.</summary>
public interface IChannelSender
{
    bool CanSend(ConversationReference reference);
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
    Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken);
    Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken);
}
