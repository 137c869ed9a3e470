namespace KalugaBot.Protocol.Builder;

/// <summary>Runs before and after the bot on every turn, as Bot Builder middleware.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}

public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        RunAsync(0, turnContext, ct => next(ct), cancellationToken);

    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunAsync(0, turnContext, ct => callback(turnContext, ct), cancellationToken);

    private Task RunAsync(int index, ITurnContext turnContext, Func<CancellationToken, Task> last, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count) return last(cancellationToken);
        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(index + 1, turnContext, last, ct), cancellationToken);
    }
}
