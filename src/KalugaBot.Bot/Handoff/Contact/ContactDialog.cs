using System.Globalization;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>
/// Consent first, then the missing contact fields one by one, then a summary the investor confirms or corrects.
/// Loops with ReplaceDialog (the Bot Builder way) so each answer re-enters at "ask the next missing field".
/// </summary>
public sealed class ContactDialog : WaterfallDialog
{
    public const string DialogId = "contact";
    /// <summary>A card action (imBack/postBack) with this value starts the dialog from any feature.</summary>
    public const string CardActionValue = "kalugabot:contact";
    /// <summary>The form's language in the dialog instance state.</summary>
    public const string LanguageStateKey = "contactLanguage";
    private const string OptionsKey = "opts";
    private const string AskingKey = "asking";
    private const string LeadKey = "lead";
    private const string Review = "review";
    private const string Live = "live";

    private readonly ContactPrompts _prompts;
    private readonly ContactWords _words;
    private readonly LeadCapture _capture;
    private readonly HandoffService _handoff;
    private readonly IInvestorProfileSource _profiles;
    private readonly IOptions<ConsentOptions> _consent;
    private readonly TimeProvider _time;

    public ContactDialog(ContactPrompts prompts, ContactWords words, LeadCapture capture, HandoffService handoff,
        IInvestorProfileSource profiles, IOptions<ConsentOptions> consent, TimeProvider time) : base(DialogId)
    {
        (_prompts, _words, _capture, _handoff, _profiles, _consent, _time) = (prompts, words, capture, handoff, profiles, consent, time);
        AddStep(ConsentAsync);
        AddStep(AskNextAsync);
        AddStep(StoreAnswerAsync);
        AddStep(LiveAsync);
    }

    private async Task<DialogTurnResult> ConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<ContactDialogOptions>() ?? new ContactDialogOptions();
        var language = options.Language ??= step.Context.Language();
        step.DialogContext.ActiveDialog!.State[LanguageStateKey] = language; // read by ContactLanguagePin on the next turns
        step.Context.TurnState.Set(new TurnLanguage(language));
        step.SetValue(OptionsKey, options);
        if (options.Consented) return await step.NextAsync(true, cancellationToken);
        return await step.PromptAsync(ContactPrompts.YesNo, _prompts.Consent(step.Context, _consent.Value.Version), cancellationToken);
    }

    // Only after consent (and once): the dialog's state is saved at the end of every turn, so values known from other
    // features (a company named to site matching) would otherwise sit in the contact form of someone who then said no.
    /// <returns>True when the options changed (the first call).</returns>
    private async Task<bool> PrefillAsync(ITurnContext context, ContactDialogOptions options, CancellationToken cancellationToken)
    {
        if (options.Prefilled) return false;
        options.Prefilled = true;
        if (await _profiles.GetAsync(context, cancellationToken) is { } profile)
        {
            options.Form.Company ??= profile.Company;
            options.Form.Country ??= profile.Country;
        }
        return true;
    }

    private async Task<DialogTurnResult> AskNextAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.GetValue<ContactDialogOptions>(OptionsKey)!;
        var consentedNow = !options.Consented;
        if (consentedNow)
        {
            if (step.Result is not true)
            {
                // Nothing personal has been stored: the form is filled only after consent.
                await _prompts.SendAsync(step.Context, "contact.consent_refused", cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }
            options.Consented = true;
            options.ConsentUtc = _time.GetUtcNow().UtcDateTime;
        }
        var prefilledNow = await PrefillAsync(step.Context, options, cancellationToken);
        if (consentedNow || prefilledNow) step.SetValue(OptionsKey, options);
        if (consentedNow && ContactFields.InOrder.Where(f => options.Form.Get(f) is not null).ToList() is { Count: > 0 } known)
            await _prompts.SendPrefilledNoteAsync(step.Context, options.Form, known, cancellationToken);

        var missing = ContactFields.InOrder.FirstOrDefault(f => options.Form.Get(f) is null);
        step.Values[AskingKey] = missing ?? Review;
        if (missing is null) return await step.PromptAsync(ContactPrompts.Text, _prompts.Summary(step.Context, options.Form), cancellationToken);
        return await step.PromptAsync(ContactPrompts.For(missing), _prompts.Ask(step.Context, missing), cancellationToken);
    }

    private async Task<DialogTurnResult> StoreAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.GetValue<ContactDialogOptions>(OptionsKey)!;
        var asking = step.Values[AskingKey]?.GetValue<string>() ?? Review;
        var text = (step.Result as string)?.Trim() ?? "";
        if (asking != Review)
        {
            Store(step, options.Form, asking, text);
            return await step.ReplaceDialogAsync(Id, options, cancellationToken);
        }

        if (_words.Field(text) is { } field)
        {
            options.Form.Clear(field);
            return await step.ReplaceDialogAsync(Id, options, cancellationToken);
        }
        if (!_words.IsConfirm(text) && text != CardActionValue)
        {
            await _prompts.SendAsync(step.Context, "contact.review_unclear", cancellationToken);
            return await step.ReplaceDialogAsync(Id, options, cancellationToken);
        }

        var lead = await _capture.SaveAsync(step.Context, options, cancellationToken);
        step.Values[LeadKey] = lead.Id;
        step.Values[AskingKey] = Live;
        await _prompts.SendSavedAsync(step.Context, options.Form, cancellationToken);
        return await step.PromptAsync(ContactPrompts.YesNo, _prompts.OfferLive(step.Context), cancellationToken);
    }

    private async Task<DialogTurnResult> LiveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var leadId = step.Values[LeadKey]?.GetValue<string>();
        await step.EndDialogAsync(null, cancellationToken);
        if (step.Result is true) await _handoff.RequestAsync(step.Context, leadId, cancellationToken);
        else await _prompts.SendAsync(step.Context, "contact.done", cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    private void Store(WaterfallStepContext step, ContactForm form, string field, string text)
    {
        switch (field)
        {
            case ContactFields.Name: form.Name = text; break;
            case ContactFields.Company: form.Company = text; break;
            case ContactFields.Country: form.Country = text; break;
            case ContactFields.Email: form.Email = ContactValidation.NormalizeEmail(text); break;
            case ContactFields.Phone: form.Phone = ContactValidation.NormalizePhone(text); break;
            case ContactFields.Summary: form.Summary = text; break;
            case ContactFields.TimeZone: form.TimeZone = TimeZoneParser.Parse(text); break;
            case ContactFields.CallTime:
                form.CallTimeText = text;
                form.CallTimeLocal = _prompts.ParseCallTime(step.Context, text)?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
                break;
        }
    }
}
