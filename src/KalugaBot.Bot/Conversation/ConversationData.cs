namespace KalugaBot.Bot.Conversation;

/// <summary>What the bot remembers about a conversation as a whole (features keep their own state beside it).</summary>
public sealed class ConversationData
{
    /// <summary>The language of the last confident guess, or of the client's locale.</summary>
    public string? Language { get; set; }
    /// <summary>True when <see cref="Language"/> came from what the investor wrote, not from the client's locale.</summary>
    public bool LanguageWritten { get; set; }
    public bool Welcomed { get; set; }
    public int UserMessages { get; set; }
}
