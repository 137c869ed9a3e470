using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>A dialog made of steps run in order; each step may prompt and receive the answer in the next.</summary>
public class WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null) : Dialog(id)
{
    private const string StepIndex = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";
    private readonly List<WaterfallStep> _steps = steps?.ToList() ?? [];

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options is null ? null : JsonSerializer.SerializeToNode(options, options.GetType(), ProtocolJson.Options);
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.Context.Activity.IsType(ActivityTypes.Message)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = dc.ActiveDialog!.State[StepIndex]?.GetValue<int>() ?? 0;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count) return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        var state = dc.ActiveDialog!.State;
        state[StepIndex] = index;
        var step = new WaterfallStepContext(this, dc, index, reason, result,
            (JsonObject)(state[ValuesKey] ??= new JsonObject()), state[OptionsKey]);
        return await _steps[index](step, cancellationToken).ConfigureAwait(false);
    }
}

public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _parent;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, int index, DialogReason reason, object? result, JsonObject values, JsonNode? options)
    {
        _parent = parent;
        DialogContext = dc;
        Index = index;
        Reason = reason;
        Result = result;
        Values = values;
        Options = options;
    }

    public DialogContext DialogContext { get; }
    public ITurnContext Context => DialogContext.Context;
    public int Index { get; }
    public DialogReason Reason { get; }
    /// <summary>The result of the previous step or prompt.</summary>
    public object? Result { get; }
    /// <summary>Values kept across the steps of this waterfall instance (persisted).</summary>
    public JsonObject Values { get; }
    public JsonNode? Options { get; }

    public T? GetOptions<T>() => Options is null ? default : Options.Deserialize<T>(ProtocolJson.Options);
    public T? GetValue<T>(string key) => Values[key] is { } node ? node.Deserialize<T>(ProtocolJson.Options) : default;
    public void SetValue<T>(string key, T value) => Values[key] = value is null ? null : JsonSerializer.SerializeToNode(value, ProtocolJson.Options);

    /// <summary>Skips to the next step at once, with the given result.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default) =>
        _parent.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
