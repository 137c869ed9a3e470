using System.ComponentModel.DataAnnotations;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>Which consent text is shown; the version is stored with every lead. Change both the text (contact.consent_v*) and the version together.</summary>
public sealed class ConsentOptions
{
    public const string Section = "Contact:Consent";

    /// <summary>Template contact.consent_{Version} holds the text in all languages.</summary>
    [Required, RegularExpression("^[a-z0-9_]+$")]
    public string Version { get; set; } = "v1";
}
