using System.Text;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Testing;

public static class Transcript
{
    /// <summary>All text a user would read in the replies: message text, card text and button titles.</summary>
    public static string AllText(IEnumerable<Activity> replies)
    {
        var sb = new StringBuilder();
        foreach (var reply in replies) sb.AppendLine(Describe(reply));
        return sb.ToString();
    }

    public static string Describe(Activity activity)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(activity.Text)) sb.Append(activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is not null) CollectText(attachment.Content, sb);
            if (attachment.ContentUrl is not null) sb.Append(" [").Append(attachment.ContentType).Append(' ').Append(attachment.ContentUrl).Append(']');
        }
        foreach (var action in activity.SuggestedActions?.Actions ?? []) sb.Append(" [").Append(action.Title).Append(']');
        return sb.ToString();
    }

    private static void CollectText(System.Text.Json.Nodes.JsonNode node, StringBuilder sb)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is System.Text.Json.Nodes.JsonValue v && key is "text" or "title" or "subtitle" or "value" or "altText" && v.TryGetValue<string>(out var s))
                        sb.Append(' ').Append(s);
                    else if (value is not null && value is not System.Text.Json.Nodes.JsonValue) CollectText(value, sb);
                }
                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var item in a) if (item is not null) CollectText(item, sb);
                break;
        }
    }
}
