using System.Text;
using System.Text.Json;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Host.Staff.Exports;

/// <summary>Writes a conversation as a Bot Framework Emulator <c>.transcript</c>: a flat UTF-8 JSON array (no BOM) in which every
/// activity has <c>from</c> and <c>recipient</c> with <c>id</c> and <c>role</c> (the Emulator dereferences both on every activity).</summary>
public static class TranscriptExport
{
    public static byte[] Write(IReadOnlyList<Activity> activities, string conversationId)
    {
        var userId = activities.FirstOrDefault(a => a.From?.Role == RoleTypes.User)?.From?.Id ?? "user";
        var botId = activities.FirstOrDefault(a => a.From?.Role == RoleTypes.Bot)?.From?.Id
                    ?? activities.FirstOrDefault(a => a.Recipient?.Role == RoleTypes.Bot)?.Recipient?.Id ?? "bot";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var original in activities)
            {
                var a = original.Clone();
                a.Conversation ??= new ConversationAccount(conversationId);
                a.Conversation.Id ??= conversationId;
                var fromUser = a.From?.Role == RoleTypes.User || (a.From?.Role is null && a.From?.Id == userId);
                a.From = Complete(a.From, fromUser ? userId : botId, fromUser ? RoleTypes.User : RoleTypes.Bot);
                a.Recipient = Complete(a.Recipient, fromUser ? botId : userId, fromUser ? RoleTypes.Bot : RoleTypes.User);
                a.Id ??= "g_" + Guid.NewGuid().ToString("N");
                JsonSerializer.Serialize(json, a, ProtocolJson.Options);
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static ChannelAccount Complete(ChannelAccount? account, string id, string role)
    {
        account ??= new ChannelAccount();
        account.Id = string.IsNullOrEmpty(account.Id) ? id : account.Id;
        account.Role ??= role;
        return account;
    }

    /// <summary>A file name the Emulator's open dialog accepts on every OS.</summary>
    public static string FileName(string conversationId)
    {
        var safe = new StringBuilder();
        foreach (var c in conversationId.Take(80)) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return (safe.Length == 0 ? "conversation" : safe.ToString()) + ".transcript";
    }
}
