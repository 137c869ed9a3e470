using KalugaBot.Bot.Language;
using KalugaBot.Protocol.Builder;

namespace KalugaBot.Bot.Conversation;

/// <summary>The language this turn is answered in, chosen by <see cref="LocaleMiddleware"/>.</summary>
public sealed class TurnLanguage(string code)
{
    public string Code { get; } = code;
}

public static class TurnLanguageExtensions
{
    public static string Language(this ITurnContext turnContext) =>
        turnContext.TurnState.Get<TurnLanguage>()?.Code ?? Languages.FromLocale(turnContext.Activity.Locale) ?? Languages.English;
}
