using System.Net;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Connector;
using KalugaBot.Protocol.Schema;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.Tests;

/// <summary>Replies through a loopback Connector: retries that never duplicate, tokens, proactive sends (digest §2.4, §3.2).</summary>
public sealed class ConnectorSenderTests
{
    [Theory]
    [InlineData(429, "1")]
    [InlineData(429, "date")]
    [InlineData(503, null)]
    [InlineData(500, null)]
    public async Task Refused_sends_are_retried_and_delivered_exactly_once(int status, string? retryAfter)
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        channel.PlanConnectorResponse(status, retryAfter == "date" ? DateTimeOffset.UtcNow.AddSeconds(1).ToString("R") : retryAfter);
        var activity = ChannelRequests.Message(channel.ServiceUrl, "hello");

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), activity, channel.ChannelToken(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = Assert.Single(channel.Accepted);
        Assert.Equal(2, channel.ConnectorRequests.Count);
        Assert.Equal(accepted.Body!.ToJsonString(), channel.ConnectorRequests.First().Body!.ToJsonString());
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        channel.PlanConnectorResponse(400);
        var sender = app.Services.GetServices<IChannelSender>().OfType<ConnectorSender>().Single();
        var reply = ChannelRequests.Message(channel.ServiceUrl).CreateReply("one");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => sender.SendAsync(reply, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Planned", error.ErrorCode);
        Assert.NotNull(error.CorrelationId);
        Assert.Single(channel.ConnectorRequests);
        Assert.Empty(channel.Accepted);
    }

    [Fact]
    public async Task Too_many_failures_give_up_without_a_duplicate()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        for (var i = 0; i < 10; i++) channel.PlanConnectorResponse(503);
        var sender = app.Services.GetServices<IChannelSender>().OfType<ConnectorSender>().Single();

        await Assert.ThrowsAsync<ConnectorException>(() => sender.SendAsync(ChannelRequests.Message(channel.ServiceUrl).CreateReply("x"), CancellationToken.None));

        Assert.Equal(4, channel.ConnectorRequests.Count); // the first try and 3 retries
        Assert.Empty(channel.Accepted);
    }

    [Fact]
    public async Task The_bot_token_is_requested_once_and_reused()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        var http = app.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var r = await ChannelRequests.PostAsync(http, ChannelRequests.Message(channel.ServiceUrl, "hello"), channel.ChannelToken(channel.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }));

        var request = Assert.Single(channel.TokenRequests);
        Assert.Equal("botframework.com", request.Tenant);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(LoopbackChannel.AppId, request.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.True(channel.Accepted.Count >= 5);
        Assert.All(channel.Accepted, a => Assert.Equal("Bearer " + LoopbackChannel.BotToken, a.Authorization));
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings(tenant: "contoso-tenant-id"));

        using var response = await ChannelRequests.PostAsync(app.CreateClient(), ChannelRequests.Message(channel.ServiceUrl, "hello"), channel.ChannelToken(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("contoso-tenant-id", Assert.Single(channel.TokenRequests).Tenant);
    }

    [Fact]
    public async Task Proactive_message_to_a_stored_reference_reaches_the_conversation()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        await using var app = new KalugaBotApp(channel.BotSettings());
        // Stored earlier from a validated activity; Teams ids need escaping.
        var reference = ChannelRequests.Message(channel.ServiceUrl.TrimEnd('/'), conversationId: "19:abc@thread.tacv2;messageid=42").GetConversationReference();
        reference.ActivityId = null;
        var json = ProtocolJson.Serialize(reference);

        var adapter = app.Services.GetRequiredService<CloudAdapter>();
        await adapter.ContinueConversationAsync(ProtocolJson.Deserialize<ConversationReference>(json)!,
            (turn, ct) => turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "A new lead arrived." }, ct), CancellationToken.None);

        var sent = Assert.Single(channel.Accepted);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities", sent.Path);
        Assert.Equal("A new lead arrived.", (string)sent.Body!["text"]!);
        Assert.Equal("Bearer " + LoopbackChannel.BotToken, sent.Authorization);
    }
}
