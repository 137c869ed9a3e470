using System.Text.Json.Nodes;
using KalugaBot.Bot.Teams.Rendering;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;

namespace KalugaBot.Teams.Tests;

/// <summary>What Teams cannot render is turned into what it can: card versions and elements, markdown, suggested actions, threads.</summary>
public sealed class TeamsRenderingTests
{
    [Theory]
    [InlineData("1.6", "1.5")]
    [InlineData("1.10", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.2", "1.2")]
    [InlineData(null, "1.5")]
    public void Card_versions_above_1_5_are_capped(string? version, string expected)
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = version, ["body"] = new JsonArray() };

        AdaptiveCardCompatibility.ForTeams(card);

        Assert.Equal(expected, (string?)card["version"]);
    }

    [Fact]
    public void Unsupported_elements_use_their_fallback_or_are_removed()
    {
        var card = JsonNode.Parse("""
        {"type":"AdaptiveCard","version":"1.6","body":[
          {"type":"TextBlock","text":"## Rosva park","wrap":true},
          {"type":"Carousel","pages":[],"fallback":{"type":"TextBlock","text":"Several parks"}},
          {"type":"Icon","name":"Factory"},
          {"type":"Container","items":[{"type":"Badge","text":"SEZ"},{"type":"FactSet","facts":[{"title":"Area","value":"—"}]}]},
          {"type":"TextBlock","text":"needs 1.6","requires":{"adaptiveCards":"1.6"},"fallback":"drop"}
        ],"actions":[
          {"type":"Action.Submit","title":"Choose","data":{"parkId":"rosva"}},
          {"type":"Action.ResetInputs","title":"Reset"},
          {"type":"Action.Execute","title":"Details","verb":"details"}
        ]}
        """)!.AsObject();

        AdaptiveCardCompatibility.ForTeams(card);

        var body = card["body"]!.AsArray();
        Assert.Equal(["TextBlock", "TextBlock", "Container"], body.Select(e => (string)e!["type"]!));
        Assert.Equal("**Rosva park**", (string?)body[0]!["text"]);
        Assert.Equal("Several parks", (string?)body[1]!["text"]);
        Assert.Equal(["FactSet"], body[2]!["items"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.Equal(["Action.Submit", "Action.Execute"], card["actions"]!.AsArray().Select(a => (string)a!["type"]!));
    }

    [Theory]
    [InlineData("| Park | Area |\n|---|---|\n| Rosva | 10 ha |", "**Park · Area**\n- Rosva: 10 ha")]
    [InlineData("See ![map](https://example.org/m.png)", "See [map](https://example.org/m.png)")]
    [InlineData("Intro\n\n---\n\nMore", "Intro\n\n\nMore")]
    [InlineData("**bold** and _italic_ and [link](https://example.org)", "**bold** and _italic_ and [link](https://example.org)")]
    [InlineData("# Title\n- a\n- b", "# Title\n- a\n- b")]
    public void Message_markdown_keeps_what_Teams_shows_and_rewrites_the_rest(string markdown, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.ForMessage(markdown));

    [Theory]
    [InlineData("## Incentives\n> quoted `code` ~~old~~", "**Incentives**\nquoted code old")]
    [InlineData("Plain text without marks", "Plain text without marks")]
    public void Card_text_is_reduced_to_the_card_markdown_subset(string markdown, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.ForCard(markdown));

    [Fact]
    public void Suggested_actions_on_a_message_with_a_card_become_a_second_card_and_the_text_stays()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Two parks fit.",
            Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" } }],
            SuggestedActions = new SuggestedActions
            {
                Actions =
                [
                    new CardAction(ActionTypes.ImBack, "Compare", JsonValue.Create("compare parks")),
                    new CardAction(ActionTypes.PostBack, "Hidden", new JsonObject { ["choice"] = 2 }),
                    new CardAction("call", "Call", JsonValue.Create("tel:+0")),
                ],
            },
        };

        SuggestedActionCards.Convert(activity);

        Assert.Null(activity.SuggestedActions);
        Assert.Equal("Two parks fit.", activity.Text);
        Assert.Equal(2, activity.Attachments!.Count);
        var actions = activity.Attachments[1].Content!["actions"]!.AsArray();
        Assert.Equal(2, actions.Count); // "call" has no card equivalent in Teams
        Assert.Equal("compare parks", (string?)actions[0]!["data"]!["msteams"]!["text"]);
        Assert.Equal("Compare", (string?)actions[0]!["data"]!["msteams"]!["displayText"]);
        Assert.Equal(2, (int?)actions[1]!["data"]!["msteams"]!["value"]!["choice"]);
        Assert.Null(actions[1]!["data"]!["msteams"]!["displayText"]);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1700", "19:abc@thread.tacv2", "1700")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2", null)]
    [InlineData("a:1personal", "a:1personal", null)]
    public void Channel_thread_ids_are_taken_apart(string conversationId, string channel, string? root)
    {
        Assert.Equal(channel, TeamsConversationIds.ChannelOf(conversationId));
        Assert.Equal(root, TeamsConversationIds.ThreadRootOf(conversationId));
        if (root is not null) Assert.Equal(conversationId, TeamsConversationIds.ForThread(channel, root));
    }

    [Fact]
    public void Threading_never_changes_the_incoming_conversation()
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1700",
            Conversation = new ConversationAccount("19:abc@thread.tacv2") { ConversationType = "channel" },
        };
        var reply = new Activity { Type = ActivityTypes.Message, Conversation = incoming.Conversation, ReplyToId = "1700" };

        TeamsThreading.Apply(incoming, reply, incomingIsMessage: true);

        Assert.Equal("19:abc@thread.tacv2;messageid=1700", reply.Conversation!.Id);
        Assert.Equal("19:abc@thread.tacv2", incoming.Conversation.Id);
    }
}
