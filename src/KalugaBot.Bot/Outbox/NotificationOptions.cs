using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Bot.Outbox;

/// <summary>Notifications:* — where staff are told about new leads and hand-off requests. Secrets come from environment or user-secrets.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Base address of the staff portal, used for links in notifications.</summary>
    [Required] public string PortalBaseUrl { get; set; } = "http://localhost:3978";
    /// <summary>Language of staff notifications (e-mail, Teams).</summary>
    [Required] public string StaffLanguage { get; set; } = "en";
}

public sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhook";

    /// <summary>Empty = webhook off.</summary>
    public string? Url { get; set; }
    /// <summary>HMAC-SHA256 key for the X-KalugaBot-Signature header. Set it with an environment variable (Notifications__Webhook__Secret).</summary>
    public string? Secret { get; set; }
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    /// <summary>Empty = e-mail off.</summary>
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "kalugabot@localhost";
    /// <summary>Comma-separated staff addresses.</summary>
    public string? To { get; set; }
    [Range(1000, 600000)] public int TimeoutMilliseconds { get; set; } = 30000;
}

public sealed class TeamsNotificationOptions
{
    public const string Section = "Notifications:Teams";

    /// <summary>Post to the Teams channel/chat registered through the staff API (its conversation reference is stored in LiteDB).</summary>
    public bool Enabled { get; set; }
}
