using KalugaBot.Bot.Teams.Proactive;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Teams.Tests.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>Proactive messages (lead notifications to a staff channel) go to stored conversation references.</summary>
public sealed class ProactiveMessageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_proactive_message_reaches_a_channel_the_bot_saw_before_a_restart_as_a_new_thread()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
        await using var service = await LoopbackBotService.StartAsync();
        var channelId = TeamsActivities.NewChannelId();
        try
        {
            await using (var first = await TeamsHost.StartAsync(output, service, folder))
            {
                // Staff talk to the bot in a thread of their channel; the channel itself is remembered.
                await first.PostAsync(TeamsActivities.ChannelMessage(channelId, TeamsActivities.NewMessageId(), "cancel"));
            }
            var before = service.Requests.Count;

            await using var second = await TeamsHost.StartAsync(output, service, folder);
            var messenger = second.App.Services.GetRequiredService<ProactiveMessenger>();
            var sent = await messenger.SendAsync(Channels.Msteams, channelId, new Activity { Type = ActivityTypes.Message, Text = "New lead: **ACME GmbH**" });

            Assert.NotNull(sent);
            var request = Assert.Single(service.Requests.Skip(before));
            Assert.Equal(200, request.Status);
            Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(channelId)}/activities", request.Target);
            Assert.StartsWith("Bearer bot-token-", request.Authorization);
            Assert.Equal("New lead: **ACME GmbH**", (string?)request.Body!["text"]);
            Assert.Equal("28:" + TeamsHost.AppId, (string?)request.Body["from"]!["id"]);
            Assert.Equal(TeamsHost.TenantId, (string?)request.Body["conversation"]!["tenantId"]);
            Assert.Equal(request.AssignedId, sent.Id);

            var transcript = await second.App.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(channelId);
            Assert.Contains(transcript, a => a.Text == "New lead: **ACME GmbH**");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_reply_into_an_existing_thread_goes_to_the_thread_root()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        await host.PostAsync(TeamsActivities.BotInstalledInTeam(channelId));
        var messenger = host.App.Services.GetRequiredService<ProactiveMessenger>();
        var first = await messenger.SendAsync(Channels.Msteams, channelId, new Activity { Type = ActivityTypes.Message, Text = "New lead" });

        await messenger.ReplyInThreadAsync(channelId, first!.Id!, new Activity { Type = ActivityTypes.Message, Text = "Taken by Anna" });

        var reply = host.Service.Accepted[^1];
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString($"{channelId};messageid={first.Id}")}/activities/{first.Id}", reply.Target);
        Assert.Equal(first.Id, (string?)reply.Body!["replyToId"]);
    }

    [Fact]
    public async Task Proactive_suggestions_are_rendered_for_Teams_too()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        await host.PostAsync(TeamsActivities.InstallationUpdate(channelId, "add"));
        var messenger = host.App.Services.GetRequiredService<ProactiveMessenger>();

        await messenger.SendAsync(Channels.Msteams, channelId, new Activity
        {
            Type = ActivityTypes.Message,
            Text = "New lead",
            SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.OpenUrl, "Open in portal", System.Text.Json.Nodes.JsonValue.Create("https://kalugabot.example.org/staff/leads/1"))] },
        });

        var body = Assert.Single(host.Service.Accepted).Body!;
        Assert.Null(body["suggestedActions"]);
        var action = body["attachments"]![0]!["content"]!["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://kalugabot.example.org/staff/leads/1", (string?)action["url"]);
    }

    [Fact]
    public async Task An_unknown_conversation_is_reported_not_sent()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var messenger = host.App.Services.GetRequiredService<ProactiveMessenger>();

        var sent = await messenger.SendAsync(Channels.Msteams, TeamsActivities.NewChannelId(), new Activity { Type = ActivityTypes.Message, Text = "x" });

        Assert.Null(sent);
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task A_connector_refusal_reaches_the_caller_instead_of_being_swallowed()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        await host.PostAsync(TeamsActivities.InstallationUpdate(channelId, "add"));
        host.Service.FailNext(403); // Teams answers 403 once the app has been removed
        var messenger = host.App.Services.GetRequiredService<ProactiveMessenger>();

        await Assert.ThrowsAsync<KalugaBot.Protocol.Connector.ConnectorException>(() =>
            messenger.SendAsync(Channels.Msteams, channelId, new Activity { Type = ActivityTypes.Message, Text = "x" }));
        Assert.Single(host.Service.Requests); // 403 is final: no retry
    }
}
