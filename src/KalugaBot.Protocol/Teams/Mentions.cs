using System.Text.Json;
using System.Text.RegularExpressions;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Teams;

/// <summary>A <c>mention</c> entity: who was mentioned and the markup that stands for it in <c>text</c>.</summary>
public sealed record Mention(ChannelAccount Mentioned, string? Text);

public static class Mentions
{
    public const string EntityType = "mention";

    /// <summary>The mention entities of an activity; malformed ones are skipped.</summary>
    public static IReadOnlyList<Mention> GetMentions(this Activity activity)
    {
        var result = new List<Mention>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, EntityType, StringComparison.OrdinalIgnoreCase) || entity.Properties is null) continue;
            if (!entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object) continue;
            var account = mentioned.Deserialize<ChannelAccount>(ProtocolJson.Options);
            if (account?.Id is null) continue;
            result.Add(new Mention(account, entity.GetString("text")));
        }
        return result;
    }

    /// <summary>Removes the bot's own @mention from <c>text</c>, found through the mention entities (never by guessing at the text).</summary>
    /// <remarks>As Bot Builder's RemoveRecipientMention: every entity that mentions the recipient has its markup removed
    /// (or <c>&lt;at&gt;name&lt;/at&gt;</c> when the entity has no text), then the text is trimmed. Other people's mentions stay.</remarks>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        var botId = activity.Recipient?.Id;
        if (activity.Text is null || botId is null) return activity.Text;
        var text = activity.Text;
        foreach (var mention in activity.GetMentions())
        {
            if (!string.Equals(mention.Mentioned.Id, botId, StringComparison.Ordinal)) continue;
            var markup = mention.Text ?? (mention.Mentioned.Name is { } name ? $"<at>{name}</at>" : null);
            if (string.IsNullOrEmpty(markup)) continue;
            text = Regex.Replace(text, Regex.Escape(markup), "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        activity.Text = text.Trim();
        return activity.Text;
    }
}
