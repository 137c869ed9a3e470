using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Dialogs;

/// <summary>What a prompt says; all texts come from the caller, so prompts stay free of wording and language.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }
    public Activity? RetryPrompt { get; set; }
    public List<string>? Choices { get; set; }
    public JsonNode? Validations { get; set; }
}

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default);

public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;
    public PromptRecognizerResult<T> Recognized { get; } = recognized;
    public PromptOptions Options { get; } = options;
    public int AttemptCount { get; } = attemptCount;
}

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>Asks a question and ends with the recognized answer, re-asking until it is valid.</summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attemptCount";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options as PromptOptions ?? new PromptOptions();
        dc.ActiveDialog!.State[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, ProtocolJson.Options);
        dc.ActiveDialog.State[AttemptsKey] = 0;
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsType(ActivityTypes.Message)) return EndOfTurn;
        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var attempts = (state[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptsKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        var valid = recognized.Succeeded;
        if (validator is not null)
            valid = await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken).ConfigureAwait(false);
        if (valid) return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);

        // A validator that already explained the problem has replied; do not add a second message.
        if (!dc.Context.Responded) await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        OnPromptAsync(turnContext, ReadOptions(instance.State), isRetry: false, cancellationToken);

    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is null) return;
        var copy = activity.Clone();
        copy.InputHint ??= InputHints.ExpectingInput;
        await turnContext.SendActivityAsync(copy, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    private static PromptOptions ReadOptions(JsonObject state) =>
        state[OptionsKey]?.Deserialize<PromptOptions>(ProtocolJson.Options) ?? new PromptOptions();
}
