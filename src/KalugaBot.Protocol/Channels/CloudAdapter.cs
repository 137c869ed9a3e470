using System.Text.Json;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Protocol.Channels;

/// <summary>The adapter for every channel: /api/messages, Direct Line and proactive turns all run through it.</summary>
public sealed class CloudAdapter : BotAdapter
{
    private readonly IReadOnlyList<IChannelSender> _senders;
    private readonly SeenActivities _seen;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(IEnumerable<IChannelSender> senders, IEnumerable<IMiddleware> middleware, SeenActivities seen, ILogger<CloudAdapter> logger)
    {
        foreach (var m in middleware) Use(m);
        // Registration order matters: specific senders (Direct Line) before the Connector fallback.
        _senders = senders.ToList();
        _seen = seen;
        _logger = logger;
    }

    /// <summary>Runs one incoming activity through the pipeline and the bot.</summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, string? callerId, IBot bot, CancellationToken cancellationToken)
    {
        if (IsRetry(activity)) return TurnResult.Duplicate;

        activity.CallerId = callerId;
        var context = new TurnContext(this, activity);
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (expectReplies) context.BufferedReplies = [];

        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

        if (activity.IsType(ActivityTypes.Invoke))
        {
            var invoke = context.TurnState.Get<InvokeResponse>(InvokeResponseKey);
            return new TurnResult(invoke ?? new InvokeResponse { Status = 501 }, null);
        }
        return new TurnResult(null, expectReplies ? new ExpectedReplies { Activities = context.BufferedReplies! } : null);
    }

    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    // Channels re-deliver the same activity (same id) when the bot is slow; process it once.
    private bool IsRetry(Activity activity) =>
        !string.IsNullOrEmpty(activity.Id) && activity.Conversation?.Id is { } conversationId
        && _seen.SeenBefore(activity.ChannelId ?? "", conversationId, activity.Id);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id = null; // channel-assigned
            if (activity.IsType(ActivityTypes.InvokeResponse))
            {
                turnContext.TurnState.Set(InvokeResponseKey, activity.Value?.Deserialize<InvokeResponse>(ProtocolJson.Options) ?? new InvokeResponse());
                responses[i] = new ResourceResponse(null);
                continue;
            }
            if (activity.IsType(ActivityTypes.Trace) && activity.ChannelId != Schema.Channels.Emulator)
            {
                responses[i] = new ResourceResponse(null);
                continue;
            }
            responses[i] = await SenderFor(activity).SendAsync(activity, cancellationToken).ConfigureAwait(false);
            activity.Id = responses[i].Id;
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        SenderFor(activity).UpdateAsync(activity, cancellationToken);

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        SenderFor(reference).DeleteAsync(reference, cancellationToken);

    private IChannelSender SenderFor(Activity activity) => SenderFor(activity.GetConversationReference());

    private IChannelSender SenderFor(ConversationReference reference)
    {
        foreach (var sender in _senders)
            if (sender.CanSend(reference)) return sender;
        _logger.LogWarning("No channel sender for channel {ChannelId}", reference.ChannelId);
        throw new InvalidOperationException($"No sender can deliver to channel '{reference.ChannelId}'.");
    }
}

/// <summary>What the HTTP layer writes back: an invoke body, expected replies, or nothing.</summary>
public sealed record TurnResult(InvokeResponse? Invoke, ExpectedReplies? Replies)
{
    public static readonly TurnResult Duplicate = new(null, null);
}
