using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Teams.Tests;

/// <summary>Activities shaped as in the public Teams documentation (conversation-messages, subscribe-to-conversation-events,
/// universal-action-model), with fresh ids so every test owns its conversations.</summary>
public static class TeamsActivities
{
    public const string BotName = "KalugaBot";
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    private static long _sequence = 1_700_000_000_000;

    public static string NewMessageId() => Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string NewPersonalConversationId() => "a:1" + Guid.NewGuid().ToString("N") + "Vr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
    public static string NewChannelId() => $"19:{Guid.NewGuid():N}@thread.tacv2";

    public static Activity PersonalMessage(string conversationId, string text, string locale = "en-US", bool mention = false) => new()
    {
        Type = ActivityTypes.Message,
        Id = NewMessageId(),
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.Now,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        TextFormat = "plain",
        Text = mention ? $"<at>{BotName}</at> {text}\r\n" : text,
        Entities = Entities(locale, mention),
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
        Locale = locale,
    };

    /// <summary>A message in a channel thread: the conversation id names the thread root (<c>;messageid=</c>).</summary>
    public static Activity ChannelMessage(string channelId, string threadRootId, string text, string locale = "en-US", string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? NewMessageId(),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount($"{channelId};messageid={threadRootId}") { IsGroup = true, ConversationType = "channel", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        TextFormat = "plain",
        Text = $"<at>{BotName}</at> {text}",
        Entities = Entities(locale, mention: true),
        ChannelData = TeamChannelData(channelId),
        Locale = locale,
    };

    public static Activity BotInstalledInTeam(string channelId) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:" + Guid.NewGuid().ToString("N")[..8],
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(channelId) { IsGroup = true, ConversationType = "channel", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        MembersAdded = [new ChannelAccount("28:" + TeamsHost.AppId)],
        ChannelData = WithEventType(TeamChannelData(channelId), "teamMemberAdded"),
    };

    public static Activity BotInstalledPersonally(string conversationId, string? locale = "en-US") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:" + Guid.NewGuid().ToString("N")[..8],
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        MembersAdded = [new ChannelAccount(UserId), new ChannelAccount("28:" + TeamsHost.AppId)],
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
        Locale = locale,
    };

    public static Activity InstallationUpdate(string channelId, string action) => new()
    {
        Type = ActivityTypes.InstallationUpdate,
        Id = "f:" + Guid.NewGuid().ToString("N"),
        Action = action,
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(channelId) { IsGroup = true, ConversationType = "channel", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        Entities = [Entity("""{"type":"clientInfo","locale":"en","platform":"Windows"}""")],
        ChannelData = WithSettings(TeamChannelData(channelId), channelId),
        Locale = "en",
    };

    /// <summary>Action.Submit on a card in a 1:1 chat: a message with the card data as value and no text.</summary>
    public static Activity CardSubmit(string conversationId, JsonObject value, string replyToId, string locale = "en-US")
    {
        var activity = PersonalMessage(conversationId, "", locale);
        activity.Text = null;
        activity.TextFormat = null;
        activity.Value = value;
        activity.ReplyToId = replyToId;
        return activity;
    }

    public static Activity AdaptiveCardAction(string conversationId, string actionType, string verb, JsonNode? data, string replyToId, string locale = "en-US") => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Id = "f:" + Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        ReplyToId = replyToId,
        Entities = [Entity($$"""{"type":"clientInfo","locale":"{{locale}}","country":"US","platform":"Web"}""")],
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } },
        Value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = actionType, ["id"] = "btn-" + verb, ["verb"] = verb, ["data"] = data?.DeepClone() },
            ["trigger"] = "manual",
        },
        Locale = locale,
    };

    public static Activity Reaction(string conversationId, string reactedMessageId, string type = "like", bool added = true) => new()
    {
        Type = ActivityTypes.MessageReaction,
        Id = "f:" + Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channels.Msteams,
        From = User(),
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = TeamsHost.TenantId },
        Recipient = Bot(),
        ReactionsAdded = added ? [new MessageReaction { Type = type }] : null,
        ReactionsRemoved = added ? null : [new MessageReaction { Type = type }],
        ReplyToId = reactedMessageId,
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId } },
    };

    private static ChannelAccount User() => new(UserId, "Megan Bowen") { AadObjectId = "7faf1aa2-0d5c-4c3a-9f2b-3c1d2e4f5a6b" };
    private static ChannelAccount Bot() => new("28:" + TeamsHost.AppId, BotName);

    private static List<Entity> Entities(string locale, bool mention)
    {
        var list = new List<Entity> { Entity($$"""{"type":"clientInfo","locale":"{{locale}}","country":"US","platform":"Web","timezone":"Europe/Moscow"}""") };
        if (mention)
            list.Add(Entity($$"""{"mentioned":{"id":"28:{{TeamsHost.AppId}}","name":"{{BotName}}"},"text":"<at>{{BotName}}</at>","type":"mention"}"""));
        return list;
    }

    private static Entity Entity(string json) => ProtocolJson.Deserialize<Entity>(json)!;

    private static JsonObject TeamChannelData(string channelId) => new()
    {
        ["teamsChannelId"] = channelId,
        ["teamsTeamId"] = channelId,
        ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Investor leads" },
        ["team"] = new JsonObject { ["id"] = channelId, ["name"] = "Kaluga investment agency", ["aadGroupId"] = "2a4f7d6e-1b3c-4d5e-8f9a-0b1c2d3e4f5a" },
        ["tenant"] = new JsonObject { ["id"] = TeamsHost.TenantId },
    };

    private static JsonObject WithEventType(JsonObject data, string eventType)
    {
        data["eventType"] = eventType;
        return data;
    }

    private static JsonObject WithSettings(JsonObject data, string channelId)
    {
        data["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = channelId } };
        data["source"] = new JsonObject { ["name"] = "message" };
        return data;
    }
}
