using System.Net;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>Messages from Teams reach the bot with the @mention removed; replies reach the connector signed and threaded.</summary>
public sealed class TeamsMessageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Personal_chat_message_with_mention_is_answered_through_the_connector_with_the_bot_token()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();
        var message = TeamsActivities.PersonalMessage(conversationId, "cancel", mention: true);

        using var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.Service.Accepted);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{message.Id}", reply.Target);
        Assert.Equal($"Bearer bot-token-botframework.com-1", reply.Authorization);
        Assert.StartsWith("application/json", reply.ContentType);
        // "cancel" is only understood if the bot saw the text without "<at>KalugaBot</at>".
        Assert.Equal("Done, I have stopped that. What else can I help you with?", (string?)reply.Body!["text"]);
        Assert.Equal("markdown", (string?)reply.Body["textFormat"]);
        Assert.Equal(message.Id, (string?)reply.Body["replyToId"]);
        Assert.Equal(host.BotId, (string?)reply.Body["from"]!["id"]);
        Assert.Equal(conversationId, (string?)reply.Body["conversation"]!["id"]);
    }

    [Fact]
    public async Task The_bot_token_is_fetched_once_and_reused()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();

        await host.PostAsync(TeamsActivities.PersonalMessage(conversationId, "cancel"));
        await host.PostAsync(TeamsActivities.PersonalMessage(conversationId, "start over"));

        Assert.Equal(2, host.Service.Accepted.Count);
        Assert.All(host.Service.Accepted, r => Assert.Equal("Bearer bot-token-botframework.com-1", r.Authorization));
        Assert.Equal(1, host.Service.TokenRequests);
    }

    [Fact]
    public async Task Channel_message_is_answered_in_its_thread()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        var rootId = TeamsActivities.NewMessageId();
        var message = TeamsActivities.ChannelMessage(channelId, rootId, "start over");

        using var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.Service.Accepted);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString($"{channelId};messageid={rootId}")}/activities/{message.Id}", reply.Target);
        Assert.Contains("%3Bmessageid%3D", reply.Target);
        Assert.Equal("Let's start over.", (string?)reply.Body!["text"]);
        Assert.Equal(message.Id, (string?)reply.Body["replyToId"]);
    }

    [Fact]
    public async Task A_root_channel_post_without_thread_suffix_is_answered_in_a_thread_under_it()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        var message = TeamsActivities.ChannelMessage(channelId, "x", "cancel");
        message.Conversation!.Id = channelId;

        await host.PostAsync(message);

        var reply = Assert.Single(host.Service.Accepted);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString($"{channelId};messageid={message.Id}")}/activities/{message.Id}", reply.Target);
    }

    [Fact]
    public async Task The_transcript_keeps_the_message_as_Teams_sent_it_with_tenant_team_and_channel()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        var rootId = TeamsActivities.NewMessageId();
        var message = TeamsActivities.ChannelMessage(channelId, rootId, "cancel");

        await host.PostAsync(message);

        var store = host.App.Services.GetRequiredService<ITranscriptStore>();
        var logged = await store.GetAllActivitiesAsync(message.Conversation!.Id!);
        var incoming = logged.First(a => a.IsType(ActivityTypes.Message) && a.From?.Id == TeamsActivities.UserId);
        Assert.Equal("<at>KalugaBot</at> cancel", incoming.Text);
        Assert.Equal(TeamsHost.TenantId, (string?)incoming.ChannelData!["tenant"]!["id"]);
        Assert.Equal(channelId, (string?)incoming.ChannelData["team"]!["id"]);
        Assert.Equal("Investor leads", (string?)incoming.ChannelData["channel"]!["name"]);
        var outgoing = logged.Last();
        Assert.Equal(RoleTypes.Bot, outgoing.From?.Role);
        Assert.Equal(host.Service.Accepted.Single().AssignedId, outgoing.Id);
    }

    [Fact]
    public async Task A_request_without_a_channel_token_is_refused_and_nothing_is_sent()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var message = TeamsActivities.PersonalMessage(TeamsActivities.NewPersonalConversationId(), "cancel");
        message.ServiceUrl = host.Service.ServiceUrl;

        using var response = await host.Client.PostAsync("/api/messages",
            new StringContent(ProtocolJson.Serialize(message), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Service.Requests);
    }
}
