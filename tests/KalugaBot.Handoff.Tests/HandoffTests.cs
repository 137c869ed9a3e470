using System.Net;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Handoff.Tests.Infrastructure;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KalugaBot.Handoff.Tests.Infrastructure.HandoffTestApp;

namespace KalugaBot.Handoff.Tests;

public sealed class HandoffTests(ITestOutputHelper output)
{
    private const string Api = "/staff/api/handoff/conversations";

    [Fact]
    public async Task Agent_takes_over_a_Direct_Line_conversation_and_hands_it_back()
    {
        var logs = new LogCapture();
        await using var app = Create(logs);
        var investor = new DirectLine(app.CreateClient());
        await investor.StartAsync();
        using var alice = await StaffSession.SignInAsync(app, StaffRoles.Agent);

        // 1. The investor asks for a person: handoff.initiate with the transcript, and a clear "please wait".
        await investor.SayAsync("I want to talk to a live agent");
        var initiated = await PollUntilAsync(investor, "will join shortly");
        var initiate = Assert.Single(initiated, a => a.IsType(ActivityTypes.Event) && a.Name == "handoff.initiate");
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (transcript.ContentType, transcript.Name));
        Assert.Contains(transcript.Content!["activities"]!.AsArray(), a => a!["text"]?.GetValue<string>() == "I want to talk to a live agent");

        // 2. Staff see it waiting and accept; the investor is told who joined.
        var waiting = (await alice.GetJsonAsync(Api)).AsArray();
        Assert.Contains(waiting, c => c!["conversationId"]!.GetValue<string>() == investor.ConversationId && c["state"]!.GetValue<string>() == "WaitingForAgent");
        using (var accept = await alice.SendJsonAsync(HttpMethod.Post, $"{Api}/{investor.ConversationId}/accept"))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        await PollUntilAsync(investor, "You are now talking to");

        // 3. The staff message reaches the investor through Direct Line, shown under the agent's name.
        using (var send = await alice.SendJsonAsync(HttpMethod.Post, $"{Api}/{investor.ConversationId}/messages", new { text = "Hello, this is the agency. How big is the plot you need?" }))
            Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var fromAgent = await PollUntilAsync(investor, "How big is the plot");
        Assert.Contains(fromAgent, a => a.Text?.Contains("How big is the plot") == true && a.From?.Name != "Bot");

        // 4. The investor's answer reaches staff; the bot stays silent.
        await investor.SayAsync("About 5 hectares, near the motorway");
        var relayed = await EventuallyMessagesAsync(alice, investor.ConversationId, m => m["text"]!.GetValue<string>() == "About 5 hectares, near the motorway");
        Assert.Equal("investor", relayed["from"]!.GetValue<string>());
        Assert.Empty(await investor.PollAsync());

        // 5. Complete: handed back, the bot answers again.
        using (var complete = await alice.SendJsonAsync(HttpMethod.Post, $"{Api}/{investor.ConversationId}/complete"))
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        await PollUntilAsync(investor, "I am back");
        await investor.SayAsync("hello");
        Assert.NotEmpty(await PollUntilAsync(investor, ""));

        var states = await StatusEventsAsync(app, investor.ConversationId);
        Assert.Equal(["accepted", "completed"], states);
    }

    [Fact]
    public async Task Agent_messages_reach_a_Connector_channel_through_the_stored_reference()
    {
        await using var connector = new LoopbackReceiver().Start();
        var logs = new LogCapture();
        await using var app = Create(logs);
        var bot = new BotClient(app.CreateClient(), "de-DE", channelId: "msteams", log: output);
        using var agent = await StaffSession.SignInAsync(app, StaffRoles.Agent);

        var replies = await Script.SayAsync(bot, "Ich möchte mit einem Menschen sprechen", connector.BaseUrl);
        Assert.Contains("kommt gleich dazu", Transcript.AllText(replies));
        // Teams would reject an event activity: handoff.initiate goes only into the transcript there.
        Assert.DoesNotContain(replies, a => a.IsType(ActivityTypes.Event));
        var logged = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(bot.ConversationId);
        Assert.Contains(logged, a => a.Name == "handoff.initiate" && a.Attachments?[0].Name == "Transcript");
        using (var accept = await agent.SendJsonAsync(HttpMethod.Post, $"{Api}/{bot.ConversationId}/accept"))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        using (var send = await agent.SendJsonAsync(HttpMethod.Post, $"{Api}/{bot.ConversationId}/messages", new { text = "Guten Tag!" }))
            Assert.Equal(HttpStatusCode.OK, send.StatusCode);

        await EventuallyAsync(() => connector.Requests.Count >= 2, "two proactive posts");
        var posts = connector.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(connector.Requests, r => Assert.Equal($"/v3/conversations/{bot.ConversationId}/activities", r.Path));
        Assert.Contains("Sie sprechen jetzt mit", posts[0]["text"]!.GetValue<string>());
        Assert.Equal("Guten Tag!", posts[1]["text"]!.GetValue<string>());
        Assert.Equal("msteams", posts[1]["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_two_concurrent_accepts_exactly_one_wins()
    {
        var logs = new LogCapture();
        await using var app = Create(logs);
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        using var alice = await StaffSession.SignInAsync(app, StaffRoles.Agent);
        using var bob = await StaffSession.SignInAsync(app, StaffRoles.Admin);
        await Script.RunAsync(bot, Script.Lines("I want to talk to a live agent", "will join shortly"));

        var path = $"{Api}/{bot.ConversationId}/accept";
        var results = await Task.WhenAll(alice.SendJsonAsync(HttpMethod.Post, path), bob.SendJsonAsync(HttpMethod.Post, path));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var loser = results[0].StatusCode == HttpStatusCode.Conflict ? alice : bob;
        using var write = await loser.SendJsonAsync(HttpMethod.Post, $"{Api}/{bot.ConversationId}/messages", new { text = "me too" });
        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        foreach (var r in results) r.Dispose();
    }

    [Fact]
    public async Task Nobody_accepting_in_time_falls_back_to_the_call_back_promise_and_the_lead()
    {
        await using var connector = new LoopbackReceiver().Start();
        var logs = new LogCapture();
        await using var app = Create(logs, new Dictionary<string, string?> { ["Handoff:AgentWaitTimeout"] = "00:00:00.300" });
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        await LeadScripts.CaptureAndAskForAgentAsync(bot, connector.BaseUrl);

        await EventuallyAsync(() => connector.Requests.Any(r => r.Body.Contains("The agency will contact you by")), "the call-back promise");
        // The promise names the time the investor chose, in their own zone ("tomorrow at 3 pm", UTC+1).
        Assert.Contains(connector.Requests, r => JsonNode.Parse(r.Body)!["text"]?.GetValue<string>().Contains("15:00 (UTC+01:00)") == true);
        var lead = Assert.Single(await app.Leads().ListAsync());
        var handoff = app.Services.GetRequiredService<HandoffService>().Get(bot.ConversationId)!;
        Assert.Equal(HandoffState.BotActive, handoff.State);
        Assert.Equal(lead.Id, handoff.LeadId);
        Assert.Equal(["failed"], await StatusEventsAsync(app, bot.ConversationId));
        // The bot talks again.
        await Script.RunAsync(bot, Script.Lines("hello", ""), connector.BaseUrl);
        Privacy.AssertNoPersonalData(logs, LeadScripts.Email, LeadScripts.Phone, LeadScripts.Name);
    }

    [Fact]
    public async Task The_staff_api_needs_a_signed_in_agent()
    {
        var logs = new LogCapture();
        await using var app = Create(logs);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var viewer = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        using var agent = await StaffSession.SignInAsync(app, StaffRoles.Agent);

        using (var response = await anonymous.GetAsync(Api)) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var response = await viewer.Client.GetAsync(Api)) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var response = await agent.Client.PostAsync($"{Api}/none/accept", null)) Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // no anti-forgery token
        using (var response = await agent.SendJsonAsync(HttpMethod.Post, $"{Api}/none/accept")) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await agent.Client.GetAsync(Api + "?state=bogus")) Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<List<Activity>> PollUntilAsync(DirectLine investor, string fragment)
    {
        var seen = new List<Activity>();
        await EventuallyAsync(() =>
        {
            seen.AddRange(investor.PollAsync().GetAwaiter().GetResult());
            return seen.Any(a => a.IsType(ActivityTypes.Message) && (a.Text ?? "").Contains(fragment, StringComparison.OrdinalIgnoreCase));
        }, $"a message containing \"{fragment}\"");
        return seen;
    }

    private static async Task<JsonNode> EventuallyMessagesAsync(StaffSession staff, string conversationId, Func<JsonNode, bool> match)
    {
        JsonNode? found = null;
        await EventuallyAsync(() =>
        {
            var body = staff.GetJsonAsync($"{Api}/{conversationId}/messages?after=0").GetAwaiter().GetResult();
            found = body["messages"]!.AsArray().FirstOrDefault(m => match(m!));
            return found is not null;
        }, "the relayed message");
        return found!;
    }

    private static async Task<List<string>> StatusEventsAsync(KalugaBotApp app, string conversationId)
    {
        var activities = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(conversationId);
        return activities.Where(a => a.IsType(ActivityTypes.Event) && a.Name == "handoff.status")
            .Select(a => a.Value!["state"]!.GetValue<string>()).ToList();
    }
}
