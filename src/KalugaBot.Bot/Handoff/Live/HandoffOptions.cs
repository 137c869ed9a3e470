using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Bot.Handoff.Live;

public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>How long an investor waits for an agent before the bot falls back to the call-back promise.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan AgentWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>At most this many transcript activities go into the handoff.initiate attachment.</summary>
    [Range(1, 10000)]
    public int MaxTranscriptActivities { get; set; } = 500;
}
