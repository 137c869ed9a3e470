using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Questions;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Conversations.Tests;

/// <summary>The question route may interrupt other dialogs, so it must not claim answers to their prompts.</summary>
public sealed class QuestionRouteTests
{
    [Theory]
    [InlineData("30", false)]
    [InlineData("yes", false)]
    [InlineData("skip", false)]
    [InlineData("ok", false)]
    [InlineData("Vorsino", false)]
    [InlineData("50 га", false)]
    [InlineData("How big is the special economic zone?", true)]
    [InlineData("Which sites have a railway siding?", true)]
    public async Task Only_confident_questions_are_claimed(string text, bool claimed)
    {
        await using var app = new KalugaBotApp();
        var route = app.Services.GetServices<IIntentRoute>().OfType<QuestionRoute>().Single();
        var turn = new TurnContext(new NullAdapter(), new Activity { Type = ActivityTypes.Message, Text = text, Locale = "en-US" });
        turn.TurnState.Set(new TurnLanguage("en"));

        var score = await route.ScoreAsync(turn, CancellationToken.None);

        Assert.Equal(claimed, score.Score >= 0.5);
    }

    private sealed class NullAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
    }
}
