using KalugaBot.Bot.Templates;
using KalugaBot.Browser.Tests.Page;
using KalugaBot.Testing;
using KalugaBot.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace KalugaBot.Browser.Tests.Embedding;

/// <summary>The chat on the agency's own website through /embed.js, and the allowed-origins rule that guards it.</summary>
public sealed class EmbedSnippetTests(ITestOutputHelper output)
{
    private static readonly By Frame = By.CssSelector("iframe[src*='embed=1']");
    private static readonly By OpenButton = By.CssSelector("button[aria-expanded]");

    [Fact]
    public async Task The_floating_button_opens_the_chat_on_an_allowed_website()
    {
        await using var site = await AgencyWebsite.StartAsync();
        await using var bot = KestrelKalugaBotApp.Start(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = site.Origin });
        site.Embed(bot.BaseAddress);
        using var browser = new BrowserSession(output);
        var chat = new WebChatPage(browser);
        var welcome = bot.Services.GetRequiredService<ITemplates>().Render("general.welcome", "en");
        var strings = PageStrings.For(bot, "en");

        await browser.RunAsync(() =>
        {
            browser.Open(site.BaseAddress);
            var button = browser.WaitUntil(d => d.FindElement(OpenButton), "the chat button");
            // The localised label proves the cross-origin fetch of the strings passed CORS.
            browser.WaitUntil(_ => button.GetAttribute("aria-label") == strings["openChat"], "the localised button label");
            Assert.Empty(browser.Driver.FindElements(Frame)); // nothing loads before the visitor asks for it

            button.Click();
            browser.Driver.SwitchTo().Frame(browser.WaitUntil(d => d.FindElement(Frame), "the chat frame"));
            chat.WaitForBotMessage(welcome);
            Assert.False(browser.Driver.FindElement(By.CssSelector(".intro")).Displayed); // embed mode: title bar and chat only
            browser.Driver.SwitchTo().DefaultContent();
            browser.Screenshot("open");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task The_chat_renders_inline_into_a_given_element_in_the_given_language()
    {
        await using var site = await AgencyWebsite.StartAsync();
        await using var bot = KestrelKalugaBotApp.Start(new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = site.Origin });
        site.Embed(bot.BaseAddress, """data-target="#chat-here" data-lang="fr" """);
        using var browser = new BrowserSession(output);
        var chat = new WebChatPage(browser);
        var welcome = bot.Services.GetRequiredService<ITemplates>().Render("general.welcome", "fr");

        await browser.RunAsync(() =>
        {
            browser.Open(site.BaseAddress);
            var frame = browser.WaitUntil(d => d.FindElement(By.CssSelector("#chat-here iframe")), "the chat frame inside #chat-here");
            browser.Driver.SwitchTo().Frame(frame);
            chat.WaitForBotMessage(welcome);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_website_that_is_not_allowed_cannot_frame_the_chat()
    {
        await using var site = await AgencyWebsite.StartAsync();
        await using var bot = KestrelKalugaBotApp.Start(); // default: same origin only
        site.Embed(bot.BaseAddress, """data-open="true" """);
        using var browser = new BrowserSession(output);

        await browser.RunAsync(() =>
        {
            browser.Open(site.BaseAddress);
            browser.WaitUntil(d => d.FindElement(Frame), "the chat frame element");
            // Chromium reports the refusal in the embedding page's console.
            browser.WaitUntil(_ => browser.ConsoleLog().Any(e => e.Message.Contains("frame-ancestors", StringComparison.Ordinal)),
                "a frame-ancestors refusal in the console");
            return Task.CompletedTask;
        });
    }
}
