using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Templates;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;

namespace KalugaBot.Bot.Handoff.Live;

/// <summary>Proactive messages into the investor's conversation (any channel: the adapter picks Direct Line or the Connector) and hub events into its transcript.</summary>
public sealed class InvestorMessenger(CloudAdapter adapter, ITemplates templates, ITranscriptLogger transcripts, TimeProvider time)
{
    public static ConversationReference ReferenceOf(HandoffRecord record) =>
        JsonSerializer.Deserialize<ConversationReference>(record.ReferenceJson, ProtocolJson.Options) ?? new ConversationReference();

    public Task SendTemplateAsync(HandoffRecord record, string key, IReadOnlyDictionary<string, string?>? slots, CancellationToken cancellationToken) =>
        SendTextAsync(record, templates.Render(key, record.Language, slots), null, cancellationToken);

    /// <summary>Sends a message; <paramref name="senderName"/> shows the agent's name instead of the bot's.</summary>
    public async Task<string?> SendTextAsync(HandoffRecord record, string text, string? senderName, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(record);
        reference.ActivityId = null; // a new message, not a reply to an old one
        string? id = null;
        await adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            turn.TurnState.Set(new TurnLanguage(record.Language));
            var activity = new Activity { Type = ActivityTypes.Message, Text = text, Locale = record.Language, InputHint = InputHints.AcceptingInput };
            if (senderName is not null) activity.From = new ChannelAccount(reference.Bot?.Id ?? "bot", senderName, RoleTypes.Bot);
            id = (await turn.SendActivityAsync(activity, ct))?.Id;
        }, cancellationToken);
        return id;
    }

    /// <summary>Records a handoff.status event (accepted/failed/completed) in the conversation's transcript, as a hub would send it.</summary>
    public Task LogStatusAsync(HandoffRecord record, string state, string? message, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(record);
        var status = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "handoff.status",
            Id = "hs_" + Guid.NewGuid().ToString("N"),
            Timestamp = time.GetUtcNow(),
            ChannelId = reference.ChannelId,
            Conversation = reference.Conversation,
            From = new ChannelAccount("agency-hub", "Agency hand-off hub", "channel"),
            Recipient = reference.Bot,
            Value = new JsonObject { ["state"] = state, ["message"] = message },
        };
        return transcripts.LogActivitiesAsync([status], cancellationToken);
    }
}
