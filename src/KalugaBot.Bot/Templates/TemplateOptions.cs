namespace KalugaBot.Bot.Templates;

public sealed class TemplateOptions
{
    public const string Section = "Dialogs";

    /// <summary>Folder of the reply templates; empty means the repository's dialogs/ folder.</summary>
    public string? Folder { get; set; }
}
