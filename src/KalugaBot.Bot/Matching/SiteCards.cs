using System.Text.Json.Nodes;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Scoring;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Bot.Matching;

/// <summary>An Adaptive Card (schema 1.4, which Teams renders) per site, with Action.Submit buttons whose data
/// the follow-up route handles: <c>{ "matching": "details" | "compare" | "agency", "site": id, "with": id }</c>.</summary>
public sealed class SiteCards(ITemplates templates, SiteExplainer explainer)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SubmitKey = "matching";

    public Attachment Card(SiteMatch match, Requirements r, int rank, string lang, string? compareWith)
    {
        var body = new JsonArray
        {
            Text(templates.Render("matching.site_heading", lang, ValueText.Slots(("rank", rank.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("name", explainer.Name(match.Park, lang)))), "Bolder", "Medium"),
            Text(explainer.Kind(match.Park, lang), subtle: true),
        };
        foreach (var line in explainer.Lines(match, r, lang)) body.Add(Text(line));
        if (explainer.Residents(match, lang) is { } residents) body.Add(Text(residents));
        foreach (var benefit in explainer.Benefits(match, lang)) body.Add(Text(benefit, subtle: true));

        var actions = new JsonArray { Submit(templates.Render("matching.btn_details", lang), "details", match.Park.Id, null) };
        if (compareWith is not null && compareWith != match.Park.Id)
            actions.Add(Submit(templates.Render("matching.btn_compare", lang), "compare", match.Park.Id, compareWith));
        actions.Add(Submit(templates.Render("matching.btn_agency", lang), "agency", match.Park.Id, null));

        return new Attachment
        {
            ContentType = ContentType,
            Content = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = "1.4",
                ["body"] = body,
                ["actions"] = actions,
            },
        };
    }

    private static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        return block;
    }

    private static JsonObject Submit(string title, string action, string site, string? with)
    {
        var data = new JsonObject { [SubmitKey] = action, ["site"] = site };
        if (with is not null) data["with"] = with;
        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }
}
