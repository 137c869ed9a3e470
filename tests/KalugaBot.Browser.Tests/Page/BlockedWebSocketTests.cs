using KalugaBot.Bot.Templates;
using KalugaBot.Protocol.DirectLine;
using KalugaBot.Testing;
using KalugaBot.Testing.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Browser.Tests.Page;

/// <summary>A network that refuses WebSocket upgrades, as some corporate proxies do: the page falls back to polling.</summary>
public sealed class BlockedWebSocketTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Without_WebSockets_the_page_polls_and_the_conversation_works()
    {
        await using var app = KestrelKalugaBotApp.Start(configureServices: services => services.AddSingleton<IStartupFilter, RefuseWebSockets>());
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var templates = app.Services.GetRequiredService<ITemplates>();
        var welcome = templates.Render("general.welcome", "en");
        var question = templates.Render("general.suggest_benefits", "en");

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(welcome);
            Assert.Equal("polling", page.Transport());

            page.Send(question);
            page.WaitForUserMessage(question);
            browser.WaitUntil(_ => page.BotMessages().Count >= 2, "an answer after the welcome");
            browser.Screenshot("answer-by-polling");
            Assert.Equal(0, app.Services.GetRequiredService<DirectLineStreams>().OpenCount);
            Assert.True(RefuseWebSockets.Refused > 0, "the page never tried a WebSocket");
            return Task.CompletedTask;
        });
    }

    /// <summary>Answers every WebSocket upgrade with 403 before the host sees it.</summary>
    private sealed class RefuseWebSockets : IStartupFilter
    {
        public static int Refused;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (!string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)) return nextMiddleware(context);
                Interlocked.Increment(ref Refused);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            });
            next(app);
        };
    }
}
