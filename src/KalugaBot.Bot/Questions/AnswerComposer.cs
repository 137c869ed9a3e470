using System.Text;
using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Search;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Questions;

/// <summary>Turns a retrieved document into the reply: value(s), as-of date, citation; or "not published" for unknowns.</summary>
public sealed class AnswerComposer(Replies replies, ValueFormatter format, IOptions<QuestionAnsweringOptions> options)
{
    private ITemplates Templates => replies.Templates;

    /// <summary>The document's title in the reply language ("Area of the SEZ", "Vorsino – total area").</summary>
    public string Title(SearchDocument document, string language) => document.Kind switch
    {
        DocumentKind.Fact => document.Fact!.Title.Get(language) ?? document.Id,
        DocumentKind.ParkField => Render("questions.park_field_title", language,
            ("park", document.Park!.Names.Get(language)), ("field", FieldName(document.Field!, language))),
        _ => Render("questions.list_title", language, ("field", FieldName(document.Field!, language))),
    };

    public Activity Answer(ITurnContext turnContext, SearchDocument document)
    {
        var language = turnContext.Language();
        var title = Title(document, language);
        var text = document.Kind == DocumentKind.FieldList
            ? List(title, document.Listed.Select(l => (Label: l.Park.Names.Get(language), l.Value)).ToList(), language)
            : document.Parts is [{ } single]
                ? Single(title, single, language)
                : List(title, document.Parts.Select(p => (Label: ValueFormatter.Label(p.Newest!, language), p.Newest!)).ToList(), language);
        return replies.MessageFromText(turnContext, text);
    }

    public Activity Unknown(ITurnContext turnContext, SearchDocument document) =>
        WithContactOffer(turnContext, replies.Message(turnContext, "questions.unknown_fact", Slots(("title", Title(document, turnContext.Language())))));

    public Activity NotFound(ITurnContext turnContext) =>
        WithContactOffer(turnContext, replies.Message(turnContext, "questions.not_found"));

    public Activity Unreadable(ITurnContext turnContext) => replies.Message(turnContext, "questions.unreadable");

    private Activity WithContactOffer(ITurnContext turnContext, Activity activity) =>
        replies.WithSuggestions(turnContext, activity, ("general.suggest_contact", null));

    private string Single(string title, ValueHistory history, string language)
    {
        var newest = history.Newest!;
        var sb = new StringBuilder(Render("questions.answer", language,
            ("title", title), ("value", format.ValueWithLabel(newest, language)),
            ("when", format.When(newest.AsOf, language)), ("source", format.Citation(newest, language))));
        var older = history.OlderDiffering.Take(options.Value.MaxListItems).ToList();
        if (older.Count > 0)
        {
            var items = string.Join(", ", older.Select(v => Render("questions.older_item", language,
                ("value", format.Value(v, language)), ("date", format.Date(v.AsOf, language)))));
            sb.AppendLine().Append(Render("questions.older_differ", language, ("older", items)));
        }
        return sb.ToString();
    }

    private string List(string title, IReadOnlyList<(string? Label, SourcedValue Value)> items, string language)
    {
        var max = options.Value.MaxListItems;
        var sb = new StringBuilder(Render("questions.answer_list_title", language, ("title", title)));
        foreach (var (label, value) in items.Take(max))
        {
            var when = format.When(value.AsOf, language);
            var source = format.Citation(value, language);
            sb.AppendLine().Append(label is null
                ? Render("questions.answer_item", language, ("value", format.ValueWithLabel(value, language)), ("when", when), ("source", source))
                : Render("questions.answer_item_labelled", language, ("label", label),
                    ("value", value.Label.Get(language) == label ? format.Value(value, language) : format.ValueWithLabel(value, language)),
                    ("when", when), ("source", source)));
        }
        if (items.Count > max) sb.AppendLine().Append(Render("questions.more_items", language, ("count", (items.Count - max).ToString(ValueFormatter.Culture(language)))));
        return sb.ToString();
    }

    private string FieldName(string field, string language) =>
        Templates.Has($"questions.field_{field}") ? Templates.Render($"questions.field_{field}", language) : field.Replace('_', ' ');

    private string Render(string key, string language, params (string Slot, string? Value)[] slots) =>
        Templates.Render(key, language, Slots(slots));

    private static Dictionary<string, string?> Slots(params (string Slot, string? Value)[] slots) =>
        slots.ToDictionary(s => s.Slot, s => s.Value);
}
