using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Teams;

namespace KalugaBot.Teams.Tests;

/// <summary>The bot's @mention is removed by its mention entity, never by guessing at the text.</summary>
public sealed class MentionTests
{
    private const string BotId = "28:bot-id";

    [Theory]
    [InlineData("<at>KalugaBot</at> help\r\n", "<at>KalugaBot</at>", "help")]
    [InlineData("  <at>KalugaBot</at>   cancel  ", "<at>KalugaBot</at>", "cancel")]
    [InlineData("what about <at>KalugaBot</at> parks?", "<at>KalugaBot</at>", "what about  parks?")]
    [InlineData("<AT>KalugaBot</AT> help", "<at>KalugaBot</at>", "help")]
    [InlineData("<at>Kaluga Investment Bot</at> start over", "<at>Kaluga Investment Bot</at>", "start over")]
    public void The_bots_mention_is_removed(string text, string mentionText, string expected)
    {
        var activity = Message(text, Mention(BotId, "KalugaBot", mentionText));

        Assert.Equal(expected, activity.RemoveRecipientMention());
    }

    [Fact]
    public void Other_peoples_mentions_stay()
    {
        var activity = Message("<at>KalugaBot</at> please brief <at>Anna Petrova</at>",
            Mention(BotId, "KalugaBot", "<at>KalugaBot</at>"), Mention("29:anna", "Anna Petrova", "<at>Anna Petrova</at>"));

        Assert.Equal("please brief <at>Anna Petrova</at>", activity.RemoveRecipientMention());
    }

    [Fact]
    public void A_mention_without_text_falls_back_to_the_name_markup()
    {
        var activity = Message("<at>KalugaBot</at> cancel", Mention(BotId, "KalugaBot", null));

        Assert.Equal("cancel", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Text_that_only_looks_like_a_mention_is_kept_without_an_entity()
    {
        var activity = Message("<at>KalugaBot</at> cancel");

        Assert.Equal("<at>KalugaBot</at> cancel", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Malformed_mention_entities_are_ignored()
    {
        var activity = Message("<at>KalugaBot</at> cancel",
            ProtocolJson.Deserialize<Entity>("""{"type":"mention","mentioned":"28:bot-id","text":"<at>KalugaBot</at>"}""")!,
            ProtocolJson.Deserialize<Entity>("""{"type":"mention","text":"<at>KalugaBot</at>"}""")!);

        Assert.Equal("<at>KalugaBot</at> cancel", activity.RemoveRecipientMention());
        Assert.Empty(activity.GetMentions());
    }

    [Fact]
    public void A_message_without_text_is_left_alone()
    {
        var activity = Message(null!, Mention(BotId, "KalugaBot", "<at>KalugaBot</at>"));

        Assert.Null(activity.RemoveRecipientMention());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount(BotId, "KalugaBot"),
        Entities = entities.ToList(),
    };

    private static Entity Mention(string id, string name, string? text) =>
        ProtocolJson.Deserialize<Entity>(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = id, ["name"] = name },
            ["text"] = text,
        }.ToJsonString())!;
}
