using System.Text.RegularExpressions;
using KalugaBot.Testing.Browser;
using OpenQA.Selenium;

namespace KalugaBot.Browser.Tests.Page;

/// <summary>What a visitor sees and does on the chat page, in terms of Web Chat's rendered DOM.</summary>
public sealed partial class WebChatPage(BrowserSession browser)
{
    private static readonly By BotBubbles = By.CssSelector(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");
    private static readonly By UserBubbles = By.CssSelector(".webchat__bubble--from-user .webchat__bubble__content");
    private static readonly By SendBox = By.CssSelector("textarea.webchat__send-box-text-box__text-area, input.webchat__send-box-text-box__input");
    private static readonly By SendButton = By.CssSelector("button.webchat__send-button, button.webchat__send-box__button");

    public IReadOnlyList<string> BotMessages() => Texts(BotBubbles);
    public IReadOnlyList<string> UserMessages() => Texts(UserBubbles);

    public string Text(string cssSelector) => browser.Driver.FindElement(By.CssSelector(cssSelector)).Text;

    public string DocumentLanguage() => (string)browser.Driver.ExecuteScript("return document.documentElement.lang;")!;

    /// <summary>How the page receives activities: "websocket" or "polling" (set once it has chosen).</summary>
    public string? Transport() => (string?)browser.Driver.ExecuteScript("return document.body.getAttribute('data-transport');");

    /// <summary>Opens the page, waits for the welcome, asks <paramref name="question"/> and waits for it to show.</summary>
    public void OpenAndAsk(Uri address, string welcome, string question)
    {
        browser.Open(address);
        WaitForBotMessage(welcome);
        Send(question);
        WaitForUserMessage(question);
    }

    /// <summary>Waits for a conversation that has just begun: the welcome, and nothing the user said.</summary>
    public void WaitForNewConversation(string welcome, string description)
    {
        WaitForBotMessage(welcome);
        browser.WaitUntil(_ => UserMessages().Count == 0, description);
    }

    /// <summary>Waits for a bot bubble whose text starts like <paramref name="expected"/> (markdown rendering aside).</summary>
    public string WaitForBotMessage(string expected, int atLeast = 1) =>
        browser.WaitUntil(_ => BotMessages().Where(m => SameText(m, expected)).Skip(atLeast - 1).FirstOrDefault(),
            $"a bot message like '{expected}' (at least {atLeast})")!;

    /// <summary>Waits until there are at least <paramref name="count"/> bot messages and returns the last one.</summary>
    public string WaitForBotMessages(int count) =>
        browser.WaitUntil(_ => BotMessages() is { } all && all.Count >= count ? all[^1] : null, $"{count} bot messages")!;

    public void WaitForUserMessage(string text) =>
        browser.WaitUntil(_ => UserMessages().Any(m => SameText(m, text)), $"the user's message '{text}'");

    public void Send(string text)
    {
        var box = browser.WaitUntil(d => d.FindElement(SendBox) is { Displayed: true, Enabled: true } e ? e : null, "the send box")!;
        box.Click();
        box.SendKeys(text);
        box.SendKeys(Keys.Enter);
    }

    /// <summary>Compares the first words as letters and digits only: Web Chat renders markdown, bubbles wrap lines.</summary>
    public static bool SameText(string rendered, string expected)
    {
        var a = Letters(rendered);
        var b = Letters(expected);
        var length = Math.Min(60, b.Length);
        return length > 0 && a.Length >= length && a[..length] == b[..length];
    }

    private static string Letters(string text) => NotLetters().Replace(MarkdownLink().Replace(text, "$1"), "").ToLowerInvariant();

    private IReadOnlyList<string> Texts(By by) => browser.Driver.FindElements(by).Select(e => e.Text).ToList();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetters();
}
