using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.Tests;

/// <summary>The /api/messages contract (digest §2, §7.1 "Bot endpoint"), with replies going to a loopback connector.</summary>
public sealed class BotEndpointTests
{
    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_body_and_calls_no_connector()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp();
        var activity = ChannelRequests.Message(channel.ServiceUrl);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ProtocolJson.Options);
        Assert.NotEmpty(body!.Activities);
        Assert.All(body.Activities, a => Assert.Equal(activity.Id, a.ReplyToId));
        Assert.Empty(channel.ConnectorRequests);
    }

    [Fact]
    public async Task Unhandled_invoke_answers_501_and_a_handled_one_returns_its_body()
    {
        await using var plain = new KalugaBotApp();
        var invoke = ChannelRequests.Message("http://127.0.0.1:9/");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/query";
        using (var unhandled = await ChannelRequests.PostAsync(plain.CreateClient(), invoke))
            Assert.Equal(HttpStatusCode.NotImplemented, unhandled.StatusCode);

        await using var app = new KalugaBotApp(configureServices: s => s.AddSingleton<IBot, InvokeBot>());
        invoke.Id = "another-id";
        // A generic invoke name: Teams card actions are answered by Teams middleware before the bot.
        invoke.Name = "application/vnd.kalugabot.test";
        using var handled = await ChannelRequests.PostAsync(app.CreateClient(), invoke);

        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        var body = await handled.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, (int)body!["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string)body["type"]!);
        Assert.Equal("Saved", (string)body["value"]!);
    }

    [Fact]
    public async Task A_retried_activity_id_is_processed_once()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp();
        var http = app.CreateClient();
        var activity = ChannelRequests.Message(channel.ServiceUrl, "hello");

        using (var first = await ChannelRequests.PostAsync(http, activity)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var afterFirst = channel.Accepted.Count;
        using (var retry = await ChannelRequests.PostAsync(http, activity)) Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, channel.Accepted.Count);
        var stored = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(activity.Conversation!.Id!);
        Assert.Single(stored, a => a.Id == activity.Id);
    }

    [Fact]
    public async Task Unknown_activity_type_gets_200_and_is_ignored()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp();
        var activity = ChannelRequests.Message(channel.ServiceUrl);
        activity.Type = "somethingNew";

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(channel.ConnectorRequests);
    }

    [Fact]
    public async Task Get_on_the_bot_endpoint_is_405()
    {
        await using var app = new KalugaBotApp();
        using var response = await app.CreateClient().GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    public static TheoryData<string, string, int> BadInput => new()
    {
        { "{ this is not json", "application/json", 400 },
        { """{"text":"no type"}""", "application/json", 400 },
        { """{"type":"message","text":"hi"}""", "text/plain", 415 },
        { """{"type":"message","text":""" + "\"" + new string('x', 300 * 1024) + "\"}", "application/json", 413 },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_problem_and_keeps_the_stored_transcript(string body, string mediaType, int status)
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp();
        var http = app.CreateClient();
        var good = ChannelRequests.Message(channel.ServiceUrl, "hello");
        using (var ok = await ChannelRequests.PostAsync(http, good)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var response = await ChannelRequests.PostRawAsync(http, body, mediaType: mediaType);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(status, (int)problem!["status"]!);
        var stored = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(good.Conversation!.Id!);
        Assert.Contains(stored, a => a.Id == good.Id);
        // The host still answers.
        using var after = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl, "hello", conversationId: good.Conversation.Id));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private sealed class InvokeBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.IsType(ActivityTypes.Invoke) && turnContext.Activity.Name == "application/vnd.kalugabot.test")
            {
                var body = new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "Saved" };
                await turnContext.SendActivityAsync(new Activity
                {
                    Type = ActivityTypes.InvokeResponse,
                    Value = System.Text.Json.JsonSerializer.SerializeToNode(new InvokeResponse { Status = 200, Body = body }, ProtocolJson.Options),
                }, cancellationToken);
            }
        }
    }
}
