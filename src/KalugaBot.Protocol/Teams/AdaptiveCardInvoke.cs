using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Teams;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke: <c>{action:{type,id,verb,data}, trigger}</c>.</summary>
public sealed record AdaptiveCardInvokeValue(string? ActionType, string? ActionId, string? Verb, JsonNode? Data, string? Trigger)
{
    public const string ExecuteAction = "Action.Execute";

    public static AdaptiveCardInvokeValue? From(Activity activity)
    {
        if (activity.Value is not JsonObject value || value["action"] is not JsonObject action) return null;
        return new AdaptiveCardInvokeValue(
            StringOf(action["type"]), StringOf(action["id"]), StringOf(action["verb"]), action["data"]?.DeepClone(), StringOf(value["trigger"]));
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>Invoke response bodies of the Universal Action Model (<c>{statusCode, type, value}</c>).</summary>
public static class AdaptiveCardInvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>HTTP 200 whose body tells Teams to show <paramref name="text"/>.</summary>
    public static InvokeResponse Message(string text) => Create(200, MessageType, JsonValue.Create(text));

    /// <summary>HTTP 200 whose body replaces the card with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonObject card) => Create(200, CardType, card);

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        Create(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    // Bot Builder answers with the same HTTP status as the body's statusCode.
    private static InvokeResponse Create(int statusCode, string type, JsonNode? value) => new()
    {
        Status = statusCode,
        Body = new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value },
    };

    /// <summary>The activity that hands an invoke response to the adapter (Bot Builder's <c>invokeResponse</c> activity).</summary>
    public static Activity ToActivity(this InvokeResponse response) => new()
    {
        Type = ActivityTypes.InvokeResponse,
        Value = System.Text.Json.JsonSerializer.SerializeToNode(response, ProtocolJson.Options),
    };
}
