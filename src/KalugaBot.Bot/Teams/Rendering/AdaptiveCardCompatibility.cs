using System.Text.Json.Nodes;

namespace KalugaBot.Bot.Teams.Rendering;

/// <summary>Limits an Adaptive Card to what Teams renders: schema version 1.5 at most and the element and action types of
/// that version. Anything newer is replaced by its <c>fallback</c> or removed, as a 1.5 renderer would do.</summary>
public static class AdaptiveCardCompatibility
{
    public const string MaxVersion = "1.5";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "TextBlock", "RichTextBlock", "TextRun", "Image", "ImageSet", "Media", "Container", "ColumnSet", "Column", "FactSet",
        "ActionSet", "Table", "TableRow", "TableCell",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    };

    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    };

    /// <summary>Changes the card in place.</summary>
    public static void ForTeams(JsonObject card)
    {
        if (!TryParse(card["version"], out var version) || version > Parse(MaxVersion)) card["version"] = MaxVersion;
        Walk(card);
    }

    private static void Walk(JsonObject node)
    {
        foreach (var key in new[] { "body", "items", "columns", "rows", "cells", "actions", "inlines", "images" })
            if (node[key] is JsonArray array) FilterArray(array);
        foreach (var key in new[] { "selectAction", "card", "fallback" })
        {
            if (node[key] is not JsonObject child) continue;
            if (key == "selectAction" && !Supported(child)) node.Remove(key);
            else Walk(child);
        }
        if (node["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)node["type"] == "TextBlock"
            && node["text"] is JsonValue text && text.TryGetValue<string>(out var s))
            node["text"] = TeamsMarkdown.ForCard(s);
    }

    private static void FilterArray(JsonArray array)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (array[i] is not JsonObject item) continue;
            if (Supported(item))
            {
                Walk(item);
                continue;
            }
            var fallback = item["fallback"] as JsonObject;
            array.RemoveAt(i);
            if (fallback is not null && Supported(fallback))
            {
                item.Remove("fallback"); // a node has one parent: detach it before moving it into the array
                array.Insert(i, fallback);
                Walk(fallback);
            }
        }
    }

    private static bool Supported(JsonObject item)
    {
        var type = item["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        // Table rows and cells may omit their type.
        if (type is null) return item.ContainsKey("cells") || item.ContainsKey("items");
        if (!Elements.Contains(type) && !Actions.Contains(type)) return false;
        return item["requires"] is not JsonObject requires || requires["adaptiveCards"] is not { } needed
            || (TryParse(needed, out var version) && version <= Parse(MaxVersion));
    }

    // Versions compare as major.minor numbers ("1.10" is newer than "1.5").
    private static bool TryParse(JsonNode? node, out Version version)
    {
        version = new Version(0, 0);
        return node is JsonValue v && v.TryGetValue<string>(out var s) && Version.TryParse(s, out version!);
    }

    private static Version Parse(string version) => Version.Parse(version);
}
