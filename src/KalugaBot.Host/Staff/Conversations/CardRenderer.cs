using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Host.Staff.Conversations;

/// <summary>Turns hero cards, Adaptive Cards and image attachments into <see cref="CardView"/>: text, facts, images, button titles.</summary>
public static class CardRenderer
{
    public static CardView Render(Attachment attachment)
    {
        var type = attachment.ContentType ?? "";
        if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            return new CardView("image", attachment.Name, null, [], [], SafeImage(attachment.ContentUrl) is { } url ? [url] : [], []);
        var content = attachment.Content;
        if (type.Contains("adaptive", StringComparison.OrdinalIgnoreCase))
        {
            var texts = new List<string>();
            var facts = new List<(string, string)>();
            var images = new List<string>();
            Walk(content?["body"], texts, facts, images);
            var buttons = Actions(content?["actions"]).ToList();
            return new CardView("adaptive", null, null, texts, facts, images, buttons);
        }
        if (content is JsonObject card)
        {
            var images = (card["images"] as JsonArray ?? []).Select(i => SafeImage(i?["url"]?.ToString())).OfType<string>().ToList();
            var texts = card["text"]?.ToString() is { Length: > 0 } t ? new List<string> { t } : [];
            return new CardView(type.Split('.').Last(), card["title"]?.ToString(), card["subtitle"]?.ToString(), texts, [], images, Actions(card["buttons"]).ToList());
        }
        return new CardView("file", attachment.Name ?? type, null, [], [], [], []);
    }

    private static void Walk(JsonNode? node, List<string> texts, List<(string, string)> facts, List<string> images)
    {
        if (node is JsonArray array) { foreach (var item in array) Walk(item, texts, facts, images); return; }
        if (node is not JsonObject obj) return;
        switch (obj["type"]?.ToString())
        {
            case "TextBlock": if (obj["text"]?.ToString() is { Length: > 0 } t) texts.Add(t); break;
            case "RichTextBlock": texts.Add(string.Concat((obj["inlines"] as JsonArray ?? []).Select(i => i is JsonObject o ? o["text"]?.ToString() : i?.ToString()))); break;
            case "FactSet": foreach (var f in obj["facts"] as JsonArray ?? []) facts.Add((f?["title"]?.ToString() ?? "", f?["value"]?.ToString() ?? "")); break;
            case "Image": if (SafeImage(obj["url"]?.ToString()) is { } url) images.Add(url); break;
        }
        foreach (var key in new[] { "items", "columns", "body", "inlines" }) Walk(obj[key], texts, facts, images);
    }

    private static IEnumerable<string> Actions(JsonNode? node) =>
        (node as JsonArray ?? []).Select(a => a?["title"]?.ToString() ?? a?["value"]?.ToString() ?? "").Where(t => t.Length > 0);

    /// <summary>Only http(s) URLs and inline raster images: a javascript: or data:text/html "image" is dropped.</summary>
    public static string? SafeImage(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (url.StartsWith("data:image/png;", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:image/jpeg;", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:image/gif;", StringComparison.OrdinalIgnoreCase)) return url;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
    }
}
