using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Routing;

/// <summary>One thing an investor may want (ask a question, find a site, talk to the agency). The router picks the best fit.</summary>
public interface IIntentRoute
{
    string Name { get; }

    /// <summary>The dialogs this route starts; a route never interrupts its own dialogs.</summary>
    IReadOnlyCollection<string> DialogIds { get; }

    /// <summary>May this route run on top of another active dialog (which is re-prompted afterwards)?</summary>
    bool CanInterrupt { get; }

    /// <summary>How well the message fits, from 0 (not at all) to 1 (certain).</summary>
    Task<RouteScore> ScoreAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    Task<DialogTurnResult> BeginAsync(DialogContext dc, RouteScore score, CancellationToken cancellationToken);
}

/// <param name="Data">Whatever the route learned while scoring, handed back to <see cref="IIntentRoute.BeginAsync"/>.</param>
public readonly record struct RouteScore(double Score, object? Data = null)
{
    public static readonly RouteScore None = new(0);

    /// <summary>The message is exactly this route's phrase (a command, a greeting, a card button).</summary>
    public static readonly RouteScore Certain = new(1);
}

/// <summary>Handles what no route claims (the question-answering feature answers or says it does not know).</summary>
public interface IFallbackRoute
{
    Task<DialogTurnResult> BeginAsync(DialogContext dc, CancellationToken cancellationToken);
}

/// <summary>Runs before routing for every activity; returns true when it fully handled the turn (e.g. a live agent relay).</summary>
public interface ITurnInterceptor
{
    int Order { get; }
    Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>Clears a feature's state when the investor says "start over".</summary>
public interface IConversationReset
{
    Task ResetAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
