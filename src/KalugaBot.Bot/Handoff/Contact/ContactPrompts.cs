using System.Globalization;
using KalugaBot.Bot.Conversation;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Dialogs;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>The contact dialog's prompts (with their validators) and every message it sends, all from dialogs/contact.yaml.</summary>
public sealed class ContactPrompts
{
    public const string YesNo = "contact.yesno";
    public const string Text = "contact.text";
    public const string Email = "contact.email";
    public const string Phone = "contact.phone";
    public const string CallTime = "contact.call_time";
    public const string TimeZone = "contact.time_zone";

    private readonly Replies _replies;
    private readonly CallTimeParser _callTimes;
    private readonly TimeProvider _time;

    public ContactPrompts(Replies replies, ContactWords words, CallTimeParser callTimes, TimeProvider time)
    {
        (_replies, _callTimes, _time) = (replies, callTimes, time);
        Dialogs =
        [
            new ConfirmPrompt(YesNo, (_, text) => words.YesNo(text)),
            new TextPrompt(Text),
            new TextPrompt(Email, (p, ct) => Check(p, ContactValidation.NormalizeEmail(p.Recognized.Value) is not null, "contact.email_invalid", ct)),
            new TextPrompt(Phone, (p, ct) => Check(p, ContactValidation.NormalizePhone(p.Recognized.Value) is not null, "contact.phone_invalid", ct)),
            new TextPrompt(CallTime, (p, ct) => Check(p, ParseCallTime(p.Context, p.Recognized.Value) is not null, "contact.call_time_invalid", ct)),
            new TextPrompt(TimeZone, (p, ct) => Check(p, TimeZoneParser.Parse(p.Recognized.Value) is not null, "contact.time_zone_invalid", ct)),
        ];
    }

    /// <summary>The prompt dialogs to add to the dialog set.</summary>
    public IReadOnlyList<Dialog> Dialogs { get; }

    public static string For(string field) => field switch
    {
        ContactFields.Email => Email,
        ContactFields.Phone => Phone,
        ContactFields.CallTime => CallTime,
        ContactFields.TimeZone => TimeZone,
        _ => Text,
    };

    public DateTime? ParseCallTime(ITurnContext turnContext, string? text) =>
        _callTimes.Parse(text, turnContext.Language(), _time.GetUtcNow().UtcDateTime);

    public PromptOptions Consent(ITurnContext turnContext, string version) => new()
    {
        Prompt = _replies.WithSuggestions(turnContext, _replies.Message(turnContext, "contact.consent_" + version),
            ("contact.button_yes", null), ("contact.button_no", null)),
        RetryPrompt = _replies.WithSuggestions(turnContext, _replies.Message(turnContext, "contact.consent_retry"),
            ("contact.button_yes", null), ("contact.button_no", null)),
    };

    public PromptOptions Ask(ITurnContext turnContext, string field) => new()
    {
        Prompt = _replies.Message(turnContext, "contact.ask_" + field),
        RetryPrompt = _replies.Message(turnContext, "contact.ask_" + field),
    };

    public PromptOptions Summary(ITurnContext turnContext, ContactForm form)
    {
        var message = _replies.Message(turnContext, "contact.summary", Slots(form));
        var buttons = new List<(string, string?)> { ("contact.button_confirm", null) };
        buttons.AddRange(ContactFields.InOrder.Select(f => ("contact.button_change_" + f, (string?)null)));
        return new PromptOptions { Prompt = _replies.WithSuggestions(turnContext, message, buttons.ToArray()) };
    }

    public PromptOptions OfferLive(ITurnContext turnContext) => new()
    {
        Prompt = _replies.WithSuggestions(turnContext, _replies.Message(turnContext, "contact.offer_live"), ("contact.button_yes", null), ("contact.button_no", null)),
        RetryPrompt = _replies.WithSuggestions(turnContext, _replies.Message(turnContext, "contact.offer_live"), ("contact.button_yes", null), ("contact.button_no", null)),
    };

    public Task SendAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken) =>
        _replies.SendAsync(turnContext, key, cancellationToken: cancellationToken);

    public Task SendPrefilledNoteAsync(ITurnContext turnContext, ContactForm form, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        var list = string.Join(", ", fields.Select(f => $"{_replies.Text(turnContext, "contact.label_" + f)}: {form.Get(f)}"));
        return _replies.SendAsync(turnContext, "contact.prefilled", new Dictionary<string, string?> { ["fields"] = list }, cancellationToken);
    }

    public Task SendSavedAsync(ITurnContext turnContext, ContactForm form, CancellationToken cancellationToken) =>
        _replies.SendAsync(turnContext, "contact.saved", new Dictionary<string, string?> { ["time"] = CallTimeDisplay(form) }, cancellationToken);

    public static string CallTimeDisplay(ContactForm form) =>
        form.CallTimeLocal is { } local && DateTime.TryParseExact(local, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? $"{d:yyyy-MM-dd HH:mm} ({form.TimeZone})"
            : form.CallTimeText ?? "";

    private static Dictionary<string, string?> Slots(ContactForm form)
    {
        var slots = ContactFields.InOrder.ToDictionary(f => f, f => form.Get(f));
        slots[ContactFields.CallTime] = CallTimeDisplay(form);
        return slots;
    }

    private async Task<bool> Check(PromptValidatorContext<string> prompt, bool valid, string ruleKey, CancellationToken cancellationToken)
    {
        if (!valid && prompt.Recognized.Succeeded) await _replies.SendAsync(prompt.Context, ruleKey, cancellationToken: cancellationToken);
        return valid && prompt.Recognized.Succeeded;
    }
}
