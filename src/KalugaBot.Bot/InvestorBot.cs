using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.State;

namespace KalugaBot.Bot;

/// <summary>KalugaBot's turn handler: interceptors first (live agent, Teams specifics), then welcome or dialog routing.</summary>
public sealed class InvestorBot(
    ConversationAccessors accessors,
    UserState userState,
    IEnumerable<Dialog> dialogs,
    IEnumerable<ITurnInterceptor> interceptors,
    DialogRouter router,
    Welcome welcome) : IBot
{
    private readonly IReadOnlyList<ITurnInterceptor> _interceptors = interceptors.OrderBy(i => i.Order).ToList();
    private readonly IReadOnlyList<Dialog> _dialogs = dialogs.ToList();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        try
        {
            await HandleAsync(turnContext, cancellationToken);
        }
        finally
        {
            await accessors.ConversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
            await userState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        }
    }

    private async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var interceptor in _interceptors)
            if (await interceptor.TryHandleAsync(turnContext, cancellationToken)) return;

        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            await welcome.OnMembersAddedAsync(turnContext, cancellationToken);
            return;
        }
        if (!activity.IsType(ActivityTypes.Message)) return;

        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        data.UserMessages++;
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        await router.RouteAsync(dc, cancellationToken);
    }

    public async Task<DialogContext> CreateDialogContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var set = new DialogSet(accessors.DialogState);
        foreach (var dialog in _dialogs) set.Add(dialog);
        return await set.CreateContextAsync(turnContext, cancellationToken);
    }
}
