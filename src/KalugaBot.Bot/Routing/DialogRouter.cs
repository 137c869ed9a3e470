using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Bot.Routing;

/// <summary>Continues the active dialog, lets a strong new intent interrupt it, or starts the best-fitting route.</summary>
public sealed class DialogRouter(IEnumerable<IIntentRoute> routes, IEnumerable<IFallbackRoute> fallbacks, ILogger<DialogRouter> logger)
{
    public const double StartThreshold = 0.5;
    public const double InterruptThreshold = 0.85;

    private readonly IReadOnlyList<IIntentRoute> _routes = routes.ToList();
    private readonly IFallbackRoute? _fallback = fallbacks.LastOrDefault();

    public async Task<DialogTurnResult> RouteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var (route, score) = await BestAsync(dc.Context, cancellationToken);
        var active = dc.Stack.Count > 0 ? dc.Stack[^1].Id : null;

        if (active is not null)
        {
            var interrupts = route is not null && route.CanInterrupt && score.Score >= InterruptThreshold
                             && !dc.Stack.Any(i => route.DialogIds.Contains(i.Id));
            if (!interrupts) return await dc.ContinueDialogAsync(cancellationToken);
            logger.LogDebug("Route {Route} interrupts dialog {Dialog}", route!.Name, active);
            return await route!.BeginAsync(dc, score, cancellationToken);
        }

        if (route is not null && score.Score >= StartThreshold) return await route.BeginAsync(dc, score, cancellationToken);
        if (_fallback is not null) return await _fallback.BeginAsync(dc, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Empty);
    }

    private async Task<(IIntentRoute? Route, RouteScore Score)> BestAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        IIntentRoute? best = null;
        var bestScore = RouteScore.None;
        foreach (var route in _routes)
        {
            var score = await route.ScoreAsync(turnContext, cancellationToken);
            if (score.Score > bestScore.Score) (best, bestScore) = (route, score);
            // Nothing scores above certain, and ties go to the earlier route: the costly routes (retrieval, extraction)
            // need not run for "hi" or "cancel".
            if (bestScore.Score >= RouteScore.Certain.Score) break;
        }
        return (best, bestScore);
    }
}
