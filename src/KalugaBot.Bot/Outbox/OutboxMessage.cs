namespace KalugaBot.Bot.Outbox;

/// <summary>One notification to deliver through one transport. The id is the idempotency key: enqueuing it twice stores it once.</summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";
    public string Transport { get; set; } = "";
    /// <summary>Transport-neutral JSON; never personal data (staff open the lead in the portal).</summary>
    public string PayloadJson { get; set; } = "{}";
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? DeliveredUtc { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus { Pending, Delivered, Failed }
