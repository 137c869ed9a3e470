namespace KalugaBot.Knowledge.Store;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder; empty means the repository's <c>knowledge/</c> found above the content root.</summary>
    public string Folder { get; set; } = "";
}
