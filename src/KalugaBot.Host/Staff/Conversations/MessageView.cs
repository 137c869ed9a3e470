using System.Text.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>A card reduced to what staff need to see: plain strings only, so Razor's encoding makes any markup inert.</summary>
public sealed record CardView(string Kind, string? Title, string? Subtitle, IReadOnlyList<string> Texts, IReadOnlyList<(string Name, string Value)> Facts,
    IReadOnlyList<string> ImageUrls, IReadOnlyList<string> Buttons);

/// <summary>One activity as the transcript page shows it.</summary>
public sealed record MessageView(long Sequence, string Kind, string? Author, DateTimeOffset? Timestamp, string? Text, string? EventName,
    IReadOnlyList<CardView> Cards, IReadOnlyList<string> SuggestedActions, IReadOnlyList<string> CitedFacts)
{
    public static MessageView From(Activity a, long sequence)
    {
        var kind = a.IsType(ActivityTypes.Message)
            ? a.From?.Role == RoleTypes.User ? "user" : IsAgent(a) ? "agent" : "bot"
            : "event";
        return new MessageView(sequence, kind, a.From?.Name, a.Timestamp, a.Text,
            a.IsType(ActivityTypes.Message) ? null : string.IsNullOrEmpty(a.Name) ? a.Type : $"{a.Type}: {a.Name}",
            (a.Attachments ?? []).Select(CardRenderer.Render).ToList(),
            (a.SuggestedActions?.Actions ?? []).Select(x => x.Title ?? x.Value?.ToString() ?? "").Where(t => t.Length > 0).ToList(),
            CitedFactsOf(a));
    }

    private static bool IsAgent(Activity a) => a.ChannelData?["agent"] is not null || a.From?.Id?.StartsWith("staff", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Facts an answer cited: channelData.citedFacts (ids or {id,title}) and Bot Framework citation entities.</summary>
    public static IReadOnlyList<string> CitedFactsOf(Activity a)
    {
        var result = new List<string>();
        if (a.ChannelData?["citedFacts"] is JsonArray facts)
            foreach (var f in facts)
                if (f is JsonValue v && v.TryGetValue<string>(out var s)) result.Add(s);
                else if (f is JsonObject o) result.Add(string.Join(" — ", new[] { o["id"]?.ToString(), o["title"]?.ToString(), o["url"]?.ToString() }.Where(x => !string.IsNullOrEmpty(x))));
        foreach (var e in a.Entities ?? [])
            if (e.Properties?.TryGetValue("citation", out var citations) == true && citations.ValueKind == JsonValueKind.Array)
                foreach (var c in citations.EnumerateArray())
                    if (c.TryGetProperty("appearance", out var ap))
                        result.Add(string.Join(" — ", new[] { Str(ap, "name"), Str(ap, "url") }.Where(x => !string.IsNullOrEmpty(x))));
        return result.Where(r => r.Length > 0).Distinct().ToList();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
