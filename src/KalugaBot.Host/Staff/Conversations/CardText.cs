using System.Text.Json.Nodes;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>The human-readable strings of a card (hero card or Adaptive Card), for search.</summary>
public static class CardText
{
    private static readonly HashSet<string> TextKeys = ["text", "title", "subtitle", "fallbackText", "speak", "label", "altText", "placeholder"];

    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (TextKeys.Contains(key) && value is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) yield return s;
                    else foreach (var inner in Strings(value)) yield return inner;
                }
                break;
            case JsonArray array:
                foreach (var item in array) foreach (var inner in Strings(item)) yield return inner;
                break;
        }
    }
}
