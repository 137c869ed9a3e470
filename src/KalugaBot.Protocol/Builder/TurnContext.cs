using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Builder;

public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter;
        Activity = activity;
    }

    public BotAdapter Adapter { get; }
    public Activity Activity { get; }
    public TurnContextStateCollection TurnState { get; } = new();
    public bool Responded { get; private set; }

    /// <summary>Replies buffered for <c>deliveryMode: expectReplies</c>; null for normal delivery.</summary>
    public List<Activity>? BufferedReplies { get; internal set; }

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.FirstOrDefault();
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        var outgoing = activities.Select(a =>
        {
            a.ApplyConversationReference(reference);
            a.From ??= reference.Bot;
            if (a.From is not null) a.From.Role ??= RoleTypes.Bot;
            if (a.Recipient is not null) a.Recipient.Role ??= RoleTypes.User;
            return a;
        }).ToList();

        return RunSendHandlersAsync(0, outgoing, cancellationToken);
    }

    private Task<ResourceResponse[]> RunSendHandlersAsync(int index, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
            return _onSend[index](this, activities, () => RunSendHandlersAsync(index + 1, activities, cancellationToken));
        return SendThroughAdapterAsync(activities, cancellationToken);
    }

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0) return [];
        if (activities.Any(a => !a.IsType(ActivityTypes.Trace))) Responded = true;
        if (BufferedReplies is not null)
        {
            BufferedReplies.AddRange(activities);
            return activities.Select(_ => new ResourceResponse(null)).ToArray();
        }
        return await Adapter.SendActivitiesAsync(this, activities, cancellationToken).ConfigureAwait(false);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ApplyConversationReference(Activity.GetConversationReference());
        return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return Adapter.DeleteActivityAsync(this, reference, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler);
        return this;
    }
}
