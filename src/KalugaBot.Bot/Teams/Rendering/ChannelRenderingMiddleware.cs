using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Adapts what the bot sends to what the conversation's channel can show.</summary>
public interface IChannelRenderer
{
    bool AppliesTo(string? channelId);

    /// <summary>Changes one outgoing activity in place; <paramref name="turnContext"/> gives the incoming activity and the turn's language.</summary>
    void Render(ITurnContext turnContext, Activity activity);
}

/// <summary>The one place where outgoing activities are rendered per channel, for every reply, prompt, error apology and proactive message.</summary>
/// <remarks>Registered after the transcript logger, whose send handler therefore records the rendered activities, as the channel got them.</remarks>
public sealed class ChannelRenderingMiddleware(IEnumerable<IChannelRenderer> renderers) : IMiddleware
{
    private readonly IReadOnlyList<IChannelRenderer> _renderers = renderers.ToList();

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var renderers = _renderers.Where(r => r.AppliesTo(turnContext.Activity.ChannelId)).ToList();
        if (renderers.Count > 0)
        {
            turnContext.OnSendActivities((ctx, activities, nextSend) =>
            {
                foreach (var activity in activities)
                {
                    if (activity.IsType(ActivityTypes.InvokeResponse) || activity.IsType(ActivityTypes.Trace)) continue;
                    foreach (var renderer in renderers) renderer.Render(ctx, activity);
                }
                return nextSend();
            });
        }
        return next(cancellationToken);
    }
}
