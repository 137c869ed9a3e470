using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KalugaBot.Protocol.Schema;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

public sealed class CardAction
{
    public CardAction() { }
    public CardAction(string type, string title, JsonNode? value = null) { Type = type; Title = title; Value = value; }

    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? ImageAltText { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonNode? Value { get; set; }
    public JsonNode? ChannelData { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }
}

/// <summary>Metadata such as mentions or clientInfo; peers of <c>type</c> are kept in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    public Entity() { }
    public Entity(string type) { Type = type; }

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

public sealed class ResourceResponse
{
    public ResourceResponse() { }
    public ResourceResponse(string? id) { Id = id; }
    public string? Id { get; set; }
}

public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}

/// <summary>The result of an invoke: HTTP status and the body written as-is.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; } = 200;
    public JsonNode? Body { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorResponse() { }
    public ErrorResponse(string code, string message) { Error = new Error { Code = code, Message = message }; }
    public Error? Error { get; set; }
}

public sealed class Error
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
