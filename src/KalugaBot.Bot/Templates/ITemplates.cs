namespace KalugaBot.Bot.Templates;

/// <summary>Every user-facing sentence, by key and language. Code picks keys; the files under dialogs/ hold the words.</summary>
public interface ITemplates
{
    /// <summary>The template for <paramref name="key"/> in <paramref name="language"/> (English if missing), with {slots} filled.</summary>
    string Render(string key, string language, IReadOnlyDictionary<string, string?>? slots = null);

    bool Has(string key);

    IReadOnlyCollection<string> Keys { get; }

    /// <summary>The languages a key is written in.</summary>
    IReadOnlyCollection<string> LanguagesOf(string key);
}
