using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>Card buttons: Action.Submit arrives as a message with a value; Action.Execute as an adaptiveCard/action invoke
/// that must be answered in the HTTP response.</summary>
public sealed class TeamsCardActionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AdaptiveCard_action_invoke_gets_the_message_invoke_response_and_the_bot_handles_the_data()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();
        var invoke = TeamsActivities.AdaptiveCardAction(conversationId, "Action.Execute", "cancel", JsonValue.Create("cancel"), replyToId: "1700000000042");

        using var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal("Thank you, I have received your choice.", (string?)body["value"]);
        // The action's data reached the bot as what the button says; the reply is threaded to the card's message.
        var reply = Assert.Single(host.Service.Accepted);
        Assert.Equal("Done, I have stopped that. What else can I help you with?", (string?)reply.Body!["text"]);
        Assert.EndsWith("/activities/1700000000042", reply.Target);
    }

    [Fact]
    public async Task AdaptiveCard_action_invoke_is_answered_in_the_language_of_the_Teams_client()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var invoke = TeamsActivities.AdaptiveCardAction(TeamsActivities.NewPersonalConversationId(), "Action.Execute", "pick",
            new JsonObject { ["parkId"] = "rosva" }, replyToId: "1700000000043", locale: "ru-RU");
        invoke.Locale = null; // only the clientInfo entity carries it

        using var response = await host.PostAsync(invoke);

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Спасибо, ваш выбор получен.", (string?)body!["value"]);
    }

    [Fact]
    public async Task An_adaptiveCard_action_that_is_not_Action_Execute_gets_an_error_invoke_response()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var invoke = TeamsActivities.AdaptiveCardAction(TeamsActivities.NewPersonalConversationId(), "Action.Submit", "x", null, "1700000000044");

        using var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(400, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("NotSupported", (string?)body["value"]!["code"]);
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task An_invoke_Teams_sends_that_the_bot_does_not_handle_gets_501()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var invoke = TeamsActivities.AdaptiveCardAction(TeamsActivities.NewPersonalConversationId(), "Action.Execute", "x", null, "1");
        invoke.Name = "composeExtension/query";

        using var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Action_Submit_keeps_the_language_the_investor_writes_in_over_the_Teams_locale()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var conversationId = TeamsActivities.NewPersonalConversationId();

        await host.PostAsync(TeamsActivities.PersonalMessage(conversationId, "Hallo, welche Industrieparks gibt es für deutsche Unternehmen?", locale: "en-US"));
        await host.PostAsync(TeamsActivities.CardSubmit(conversationId, new JsonObject { ["unknownChoice"] = "x" }, replyToId: "1700000000045", locale: "en-US"));

        Assert.Equal(2, host.Service.Accepted.Count);
        var submitReply = host.Service.Accepted[1].Body!;
        Assert.Equal("de", (string?)submitReply["locale"]);
        Assert.EndsWith("/activities/" + (string?)submitReply["replyToId"], host.Service.Accepted[1].Target);
    }

    [Fact]
    public async Task The_Teams_locale_drives_the_reply_language_when_the_text_says_nothing()
    {
        await using var host = await TeamsHost.StartAsync(output);
        var message = TeamsActivities.PersonalMessage(TeamsActivities.NewPersonalConversationId(), "отмена", locale: "fr-FR");
        var neutral = TeamsActivities.PersonalMessage(TeamsActivities.NewPersonalConversationId(), "cancel", locale: "fr-FR");
        neutral.Text = "annuler";
        neutral.Locale = null;

        await host.PostAsync(message);
        await host.PostAsync(neutral);

        Assert.Equal("Хорошо, остановились. Чем ещё могу помочь?", (string?)host.Service.Accepted[0].Body!["text"]);
        Assert.Equal("fr", (string?)host.Service.Accepted[1].Body!["locale"]);
    }
}
