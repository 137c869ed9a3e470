using System.Net;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Teams;
using KalugaBot.Bot.Teams.Proactive;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>Installation, uninstallation and reactions, as Teams announces them.</summary>
public sealed class TeamsEventTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Personal_install_is_welcomed_once_with_the_suggestions_as_card_buttons()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();

        await host.PostAsync(TeamsActivities.BotInstalledPersonally(conversationId, "de-DE"));
        await host.PostAsync(TeamsActivities.BotInstalledPersonally(conversationId, "de-DE"));

        var welcome = Assert.Single(host.Service.Accepted);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", welcome.Target);
        var body = welcome.Body!.AsObject();
        Assert.False(body.ContainsKey("suggestedActions"));
        Assert.False(body.ContainsKey("replyToId"));
        var card = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        Assert.Equal("1.5", (string?)card["content"]!["version"]);
        Assert.StartsWith("Willkommen", (string?)card["content"]!["body"]![0]!["text"]);
        var buttons = card["content"]!["actions"]!.AsArray();
        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.Equal("Action.Submit", (string?)b!["type"]));
        Assert.Equal("Standort für mein Projekt finden", (string?)buttons[0]!["title"]);
        Assert.Equal("messageBack", (string?)buttons[0]!["data"]!["msteams"]!["type"]);
        Assert.Equal("Standort für mein Projekt finden", (string?)buttons[0]!["data"]!["msteams"]!["text"]);
        Assert.StartsWith("Willkommen", (string?)body["summary"]);
    }

    [Fact]
    public async Task Team_install_posts_a_team_welcome_as_a_new_channel_post_and_stores_the_channel()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();

        using var response = await host.PostAsync(TeamsActivities.BotInstalledInTeam(channelId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(host.Service.Accepted);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString(channelId)}/activities", welcome.Target);
        Assert.Contains("@KalugaBot", welcome.Body!.ToJsonString());
        var stored = await host.App.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(Channels.Msteams, channelId);
        Assert.NotNull(stored);
        Assert.Equal("Kaluga investment agency", stored.TeamName);
        Assert.Equal("Investor leads", stored.TeamsChannelName);
        Assert.Equal(TeamsHost.TenantId, stored.TenantId);
    }

    [Fact]
    public async Task A_new_team_member_is_not_greeted_in_the_channel()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var update = TeamsActivities.BotInstalledInTeam(TeamsActivities.NewChannelId());
        update.MembersAdded = [new ChannelAccount(TeamsActivities.UserId)];

        using var response = await host.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task InstallationUpdate_add_stores_the_conversation_and_remove_forgets_it_and_allows_a_new_welcome()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var channelId = TeamsActivities.NewChannelId();
        var store = host.App.Services.GetRequiredService<ConversationReferenceStore>();

        using (var add = await host.PostAsync(TeamsActivities.InstallationUpdate(channelId, "add"))) Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.NotNull(await store.FindAsync(Channels.Msteams, channelId));
        Assert.Empty(host.Service.Requests); // the welcome comes with the conversationUpdate, never twice

        await host.PostAsync(TeamsActivities.BotInstalledInTeam(channelId));
        using (var remove = await host.PostAsync(TeamsActivities.InstallationUpdate(channelId, "remove"))) Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Null(await store.FindAsync(Channels.Msteams, channelId));

        await host.PostAsync(TeamsActivities.BotInstalledInTeam(channelId));
        Assert.Equal(2, host.Service.Accepted.Count);
        Assert.NotNull(await store.FindAsync(Channels.Msteams, channelId));
    }

    [Fact]
    public async Task Reactions_are_recorded_and_not_answered()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();

        using var like = await host.PostAsync(TeamsActivities.Reaction(conversationId, "1700000000123"));
        using var unlike = await host.PostAsync(TeamsActivities.Reaction(conversationId, "1700000000123", added: false));

        Assert.Equal(HttpStatusCode.OK, like.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlike.StatusCode);
        Assert.Empty(host.Service.Requests);
        var reactions = await host.App.Services.GetRequiredService<ReactionLog>().ForConversationAsync(conversationId);
        Assert.Equal(2, reactions.Count);
        Assert.All(reactions, r => Assert.Equal(("like", "1700000000123", TeamsActivities.UserId), (r.Type, r.ReplyToId, r.UserId)));
        Assert.True(reactions[0].Added);
        Assert.False(reactions[1].Added);
    }
}
