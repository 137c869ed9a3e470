using System.Text.Json.Serialization;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>The Direct Line Conversation object; note the snake_case <c>expires_in</c>.</summary>
public sealed class DirectLineConversation
{
    public string? ConversationId { get; set; }
    public string? Token { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
    public string? StreamUrl { get; set; }
    /// <summary>Not part of the Direct Line object: the user id bound into the token, for the page that asked for it.</summary>
    public string? UserId { get; set; }
}

public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }
    public string? Locale { get; set; }
}

/// <summary>What a verified token grants: exactly one conversation, for one user, until it expires.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset Expires);
