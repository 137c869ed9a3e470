using KalugaBot.Bot.Templates;
using KalugaBot.Testing;
using KalugaBot.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace KalugaBot.Browser.Tests.Page;

/// <summary>The page fits the screen: nothing scrolls sideways, the send box is on screen, at desktop and phone sizes.</summary>
public sealed class WebChatLayoutTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int, bool> Screens => new()
    {
        { "desktop", 1280, 800, false },
        { "laptop-small", 1024, 640, false },
        { "phone", 390, 844, true },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_chat_fits_the_screen(string name, int width, int height, bool mobile)
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output, new BrowserSessionOptions { Width = width, Height = height, Mobile = mobile });
        var page = new WebChatPage(browser);
        var welcome = app.Services.GetRequiredService<ITemplates>().Render("general.welcome", "en");

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(welcome);
            browser.Screenshot(name);

            var scrollWidth = Convert.ToInt64(browser.Driver.ExecuteScript("return document.documentElement.scrollWidth;"));
            Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide on a {width}px screen");
            var sendBox = browser.Driver.FindElement(By.CssSelector(".webchat__send-box"));
            var bottom = sendBox.Location.Y + sendBox.Size.Height;
            Assert.True(bottom <= height, $"the send box ends at {bottom}px, below the {height}px screen");
            Assert.True(sendBox.Size.Width >= Math.Min(width - 40, 300), $"the send box is only {sendBox.Size.Width}px wide");
            return Task.CompletedTask;
        });
    }
}
