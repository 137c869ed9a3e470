using KalugaBot.Testing;

namespace KalugaBot.Handoff.Tests.Infrastructure;

public static class LeadScripts
{
    /// <summary>Runs the English full capture (ends declining the live chat).</summary>
    public static Task CaptureAsync(BotClient bot, string? serviceUrl = null) =>
        Script.RunAsync(bot, ContactConversations.English.Lines, serviceUrl);

    /// <summary>The English capture, but accepting the offer of a live colleague at the end.</summary>
    public static Task CaptureAndAskForAgentAsync(BotClient bot, string serviceUrl)
    {
        var lines = ContactConversations.English.Lines.ToList();
        lines[^1] = ("yes", "will join shortly");
        return Script.RunAsync(bot, lines, serviceUrl);
    }

    public const string Email = "anna@acme.example";
    public const string Phone = "+442079460958";
    public const string Name = "Anna Schmidt";
}
