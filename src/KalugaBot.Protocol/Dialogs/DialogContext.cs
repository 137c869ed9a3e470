using KalugaBot.Protocol.Builder;

namespace KalugaBot.Protocol.Dialogs;

/// <summary>The dialog stack for the current turn and the operations on it.</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext context, DialogState state)
{
    public DialogSet Dialogs { get; } = dialogs;
    public ITurnContext Context { get; } = context;
    public List<DialogInstance> Stack => state.DialogStack;
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not in the set.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null) return new DialogTurnResult(DialogTurnStatus.Empty);
        var dialog = FindActive();
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is null) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        return await FindActive().ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        while (Stack.Count > 0) await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active ? FindActive().RepromptDialogAsync(Context, active, cancellationToken) : Task.CompletedTask;

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active) return;
        if (Dialogs.Find(active.Id) is { } dialog) await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        Stack.RemoveAt(0);
    }

    // A stored stack can name a dialog that no longer exists after an upgrade; fail loudly so the error boundary resets state.
    private Dialog FindActive() =>
        Dialogs.Find(ActiveDialog!.Id) ?? throw new InvalidOperationException($"The active dialog '{ActiveDialog.Id}' is not in the set.");
}
