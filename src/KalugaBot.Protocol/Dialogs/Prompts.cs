using KalugaBot.Protocol.Builder;

namespace KalugaBot.Protocol.Dialogs;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(new PromptRecognizerResult<string>(!string.IsNullOrEmpty(text), text));
    }
}

/// <summary>Yes or no. The words for yes and no are the caller's (they depend on the language).</summary>
public sealed class ConfirmPrompt(string id, Func<ITurnContext, string, bool?> recognizeYesNo, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var answer = recognizeYesNo(turnContext, turnContext.Activity.Text?.Trim() ?? "");
        return Task.FromResult(answer is { } value ? new PromptRecognizerResult<bool>(true, value) : new PromptRecognizerResult<bool>(false));
    }
}

public sealed record FoundChoice(string Value, int Index);

/// <summary>One of <see cref="PromptOptions.Choices"/>, by its text (case-insensitive) or its number (1-based).</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        var choices = options.Choices ?? [];
        var index = choices.FindIndex(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && int.TryParse(text, out var number) && number >= 1 && number <= choices.Count) index = number - 1;
        return Task.FromResult(index >= 0
            ? new PromptRecognizerResult<FoundChoice>(true, new FoundChoice(choices[index], index))
            : new PromptRecognizerResult<FoundChoice>(false));
    }
}
