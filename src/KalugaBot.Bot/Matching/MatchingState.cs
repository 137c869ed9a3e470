using KalugaBot.Knowledge.Matching;

namespace KalugaBot.Bot.Matching;

/// <summary>What the investor told the bot about their project and what it recommended; kept on the conversation
/// (ConversationState property <c>matching</c>) so that a hand-off to the agency carries it.</summary>
public sealed class MatchingState
{
    public Requirements Requirements { get; set; } = new();
    /// <summary>The ranked ids of the sites recommended last (best first).</summary>
    public List<string> RecommendedSiteIds { get; set; } = [];
    /// <summary>How many of <see cref="RecommendedSiteIds"/> have been shown ("show more" continues from here).</summary>
    public int Shown { get; set; }
    /// <summary>Sites the investor asked the agency about (the card button), for the lead.</summary>
    public List<string> SitesOfInterest { get; set; } = [];
    /// <summary>The investor's own words, one entry per message that described the project.</summary>
    public List<string> Statements { get; set; } = [];
}
