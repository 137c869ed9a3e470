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

/// <summary>The page in real headless Chromium against the host on a real port: welcome, a question, reload, languages.</summary>
public sealed class WebChatConversationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Welcome_question_answer_and_the_history_after_a_reload()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var templates = app.Services.GetRequiredService<ITemplates>();
        var welcome = templates.Render("general.welcome", "en");
        var question = templates.Render("general.suggest_benefits", "en");
        var answer = await ExpectedAnswerAsync(app, question);

        await browser.RunAsync(async () =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(welcome);
            browser.Screenshot("welcome");

            page.Send(question);
            page.WaitForUserMessage(question);
            var rendered = page.WaitForBotMessage(answer);
            browser.Screenshot("answer");
            // The bot's line breaks survive Web Chat's markdown rendering (one fact and its source per line).
            Assert.Equal(answer.Split('\n').Length > 1, rendered.Contains('\n'));
            var before = page.BotMessages();
            // The page talks over the host's WebSocket stream, not by polling.
            Assert.Equal("websocket", page.Transport());
            Assert.Equal(1, app.Services.GetRequiredService<DirectLineStreams>().OpenCount);

            browser.Reload();
            page.WaitForBotMessage(answer);
            page.WaitForUserMessage(question);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // a second welcome would have arrived by now
            Assert.Equal(before, page.BotMessages());
            Assert.Single(page.UserMessages());
            browser.Screenshot("after-reload");
        });
    }

    [Fact]
    public async Task Behind_a_proxy_that_refuses_WebSockets_the_page_polls_and_the_conversation_works()
    {
        await using var app = KestrelKalugaBotApp.Start(configureServices: services => services.AddSingleton<IStartupFilter, RefuseWebSockets>());
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var question = app.Services.GetRequiredService<ITemplates>().Render("general.suggest_benefits", "en");
        var answer = await ExpectedAnswerAsync(app, question);

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(app.Services.GetRequiredService<ITemplates>().Render("general.welcome", "en"));
            Assert.Equal("polling", page.Transport());

            page.Send(question);
            page.WaitForBotMessage(answer);
            browser.Screenshot("answer-by-polling");
            Assert.Equal(0, app.Services.GetRequiredService<DirectLineStreams>().OpenCount);
            Assert.True(RefuseWebSockets.Refused > 0, "the page never tried a WebSocket");
            return Task.CompletedTask;
        });
    }

    /// <summary>Answers every WebSocket upgrade with 403 before the host sees it, as some corporate proxies do.</summary>
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

    [Theory]
    [InlineData("ru-RU,ru", "ru")]
    [InlineData("de-DE,de", "de")]
    [InlineData("zh-CN,zh", "zh")]
    public async Task The_welcome_and_the_page_follow_the_browser_language(string browserLanguages, string language)
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output, new BrowserSessionOptions { Language = browserLanguages });
        var page = new WebChatPage(browser);
        var welcome = app.Services.GetRequiredService<ITemplates>().Render("general.welcome", language);
        var strings = PageStrings.For(app, language);

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(welcome);
            Assert.Equal(language, page.DocumentLanguage());
            Assert.Equal(strings["region"], page.Text(".site-header__region"));
            Assert.Equal(strings["headline"], page.Text("h1"));
            browser.Screenshot(language);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task New_conversation_starts_afresh()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var templates = app.Services.GetRequiredService<ITemplates>();
        var welcome = templates.Render("general.welcome", "en");
        var question = templates.Render("general.suggest_benefits", "en");

        await browser.RunAsync(() =>
        {
            page.OpenAndAsk(app.BaseAddress, welcome, question);

            browser.Driver.FindElement(OpenQA.Selenium.By.Id("new-conversation")).Click();
            page.WaitForNewConversation(welcome, "an empty new conversation");
            return Task.CompletedTask;
        });
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task A_stored_conversation_that_cannot_be_resumed_gives_way_to_a_new_one(string badToken)
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var templates = app.Services.GetRequiredService<ITemplates>();
        var welcome = templates.Render("general.welcome", "en");
        var question = templates.Render("general.suggest_benefits", "en");

        await browser.RunAsync(() =>
        {
            page.OpenAndAsk(app.BaseAddress, welcome, question);
            page.WaitForBotMessages(2); // the answer is in: nothing else will rewrite the stored session
            // What a week-old tab or a tampered session looks like: the stored token no longer opens the conversation.
            // Edited from a same-origin file without the chat on it, so the page cannot write its session back.
            browser.Open(new Uri(app.BaseAddress, "webchat/strings.json"));
            browser.Driver.ExecuteScript("""
                const key = 'kalugabot.webchat.session';
                const session = JSON.parse(sessionStorage.getItem(key));
                session.token = arguments[0];
                sessionStorage.setItem(key, JSON.stringify(session));
                """, badToken);
            browser.Open(app.BaseAddress);
            page.WaitForNewConversation(welcome, "a new conversation instead of an error");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_stored_conversation_that_was_erased_gives_way_to_a_new_one()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var templates = app.Services.GetRequiredService<ITemplates>();
        var welcome = templates.Render("general.welcome", "en");
        var question = templates.Render("general.suggest_benefits", "en");

        await browser.RunAsync(() =>
        {
            page.OpenAndAsk(app.BaseAddress, welcome, question);
            page.WaitForBotMessages(2);
            var conversationId = StoredConversationId(browser);
            browser.Open(new Uri(app.BaseAddress, "webchat/strings.json"));

            // Staff erase the conversation (privacy request) while the investor's tab still holds it.
            Assert.True(app.Services.GetRequiredService<DirectLineStore>().Forget(conversationId) > 0);

            browser.Open(app.BaseAddress);
            page.WaitForNewConversation(welcome, "a new conversation instead of a connection error");
            Assert.NotEqual(conversationId, StoredConversationId(browser));
            return Task.CompletedTask;
        });
    }

    private static string StoredConversationId(BrowserSession browser) =>
        browser.Driver.ExecuteScript("return JSON.parse(sessionStorage.getItem('kalugabot.webchat.session')).conversationId;") as string
        ?? throw new InvalidOperationException("the page stored no conversation");

    [Fact]
    public async Task The_page_runs_without_content_security_policy_violations()
    {
        await using var app = KestrelKalugaBotApp.Start();
        using var browser = new BrowserSession(output);
        var page = new WebChatPage(browser);
        var welcome = app.Services.GetRequiredService<ITemplates>().Render("general.welcome", "en");

        await browser.RunAsync(() =>
        {
            browser.Open(app.BaseAddress);
            page.WaitForBotMessage(welcome);
            var log = browser.ConsoleLog();
            foreach (var entry in log) output.WriteLine($"[console] {entry.Level} {entry.Message}");
            Assert.DoesNotContain(log, e => e.Message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(log, e => e.Level == OpenQA.Selenium.LogLevel.Severe);
            return Task.CompletedTask;
        });
    }

    /// <summary>What the bot answers to <paramref name="question"/> in a fresh conversation over /api/messages.</summary>
    private async Task<string> ExpectedAnswerAsync(KalugaBotApp app, string question)
    {
        var client = new BotClient(app.CreateClient(), "en-US", "webchat", output);
        await client.JoinAsync();
        var replies = await client.SayAsync(question);
        return replies.First(r => !string.IsNullOrWhiteSpace(r.Text)).Text!;
    }
}
