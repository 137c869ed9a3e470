using KalugaBot.Testing;
using KalugaBot.Testing.Browser;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace KalugaBot.Browser.Tests.Page;

/// <summary>Site recommendations as an investor sees them in Web Chat: Adaptive Cards and the map picture.</summary>
public sealed class WebChatMatchingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_site_request_shows_site_cards_and_a_loaded_map_image()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessages(1);

            page.Send("I need about 100 hectares close to Moscow with rail access.");

            var card = browser.WaitUntil(d => d.FindElements(By.CssSelector(".ac-adaptiveCard"))
                .FirstOrDefault(c => c.Text.Contains("Vorsino", StringComparison.OrdinalIgnoreCase)), "an Adaptive Card about Vorsino")!;
            Assert.NotEmpty(card.FindElements(By.CssSelector("button")));

            // The map is an image attachment served by the host; it must really load, not just be referenced.
            browser.WaitUntil(d => LoadedMapWidth(d) > 0, "the map image to load");
            var width = LoadedMapWidth(browser.Driver);
            Assert.True(width > 200, $"map width {width}");

            var map = browser.Driver.FindElement(By.CssSelector("img[src*='/maps/']"));
            ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].scrollIntoView({block:'center'});", map);
            browser.Screenshot("map");
            ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].scrollIntoView({block:'center'});", card);
            browser.Screenshot("card");
            return Task.CompletedTask;
        });
    }

    private static long LoadedMapWidth(IWebDriver driver) => driver.FindElements(By.CssSelector("img[src*='/maps/']"))
        .Select(img => Convert.ToInt64(((IJavaScriptExecutor)driver).ExecuteScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", img)))
        .DefaultIfEmpty(0).Max();
}
