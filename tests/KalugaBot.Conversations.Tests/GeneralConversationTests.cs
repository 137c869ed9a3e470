using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Conversations.Tests;

public sealed class GeneralConversationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-US", "Welcome")]
    [InlineData("ru-RU", "Добро пожаловать")]
    [InlineData("de-DE", "Willkommen")]
    public async Task Joining_a_conversation_is_welcomed_in_the_client_language(string locale, string expected)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), locale, log: output);

        var replies = await bot.JoinAsync();

        Assert.Contains(expected, Transcript.AllText(replies));
    }

    [Fact]
    public async Task Cancel_is_understood_in_any_language()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        var replies = await bot.SayAsync("отмена");

        Assert.Contains("остановились", Transcript.AllText(replies));
    }
}
