using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>
/// While the contact form is open, answers are data ("no", "morgen um 15 Uhr", names), not a sign of a new language:
/// short answers fool the language guess ("um", "no" are Portuguese words). Keep the language the form started in.
/// </summary>
public sealed class ContactLanguagePin(ConversationAccessors accessors) : ITurnInterceptor
{
    public int Order => -50;

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await accessors.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        var contact = state.DialogStack.FirstOrDefault(d => d.Id == ContactDialog.DialogId);
        if (contact?.State[ContactDialog.LanguageStateKey]?.GetValue<string>() is not { } language) return false;
        turnContext.TurnState.Set(new TurnLanguage(language));
        var data = await accessors.Data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        data.Language = language;
        return false;
    }
}
