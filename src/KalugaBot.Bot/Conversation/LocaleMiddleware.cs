using KalugaBot.Bot.Language;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Conversation;

/// <summary>Picks the reply language: the message's own language when it is clear, else the client's locale (e.g. the Teams
/// client's), else the last one used. Activities without text keep the language the investor wrote in.</summary>
public sealed class LocaleMiddleware(ConversationAccessors accessors, LanguageDetector detector) : IMiddleware
{
    private const double ConfidentGuess = 0.6;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var activity = turnContext.Activity;
        var fromLocale = Languages.FromLocale(activity.Locale);
        string language;
        if (activity.IsType(ActivityTypes.Message) && detector.Detect(activity.Text) is { Language: { } guessed, Confidence: >= ConfidentGuess })
        {
            language = guessed;
            data.LanguageWritten = true;
        }
        else if (activity.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(activity.Text) && data.Language is { } previous
                 && detector.Detect(activity.Text).Language is null)
            language = previous; // "30", "ok" and the like: keep talking in the language already chosen
        else if (string.IsNullOrWhiteSpace(activity.Text) && data.LanguageWritten && data.Language is { } written)
            language = written; // a card button or reaction says nothing about language: keep the one the investor writes in
        else
        {
            language = fromLocale ?? data.Language ?? Languages.English;
            data.LanguageWritten = false;
        }

        data.Language = language;
        turnContext.TurnState.Set(new TurnLanguage(language));
        await next(cancellationToken);
    }
}
