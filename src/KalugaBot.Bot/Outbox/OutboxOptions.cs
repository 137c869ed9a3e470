using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Bot.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Notifications:Outbox";

    /// <summary>How often the outbox looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>First retry delay; doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many failures a message is parked as Failed (visible to staff, not retried).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 50;
}
