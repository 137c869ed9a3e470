using System.Text;
using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Search;

/// <summary>Turns a knowledge snapshot into retrievable documents: facts, park fields (known and unknown) and field lists.</summary>
public static class SearchDocuments
{
    /// <summary>Park fields an investor asks about; a park without one gets an "unknown" document, so the answer is "not published".</summary>
    public static readonly IReadOnlyList<string> AnswerableFields = ParkFields.Specs.Keys.Where(f => f != ParkFields.Notes).ToList();

    /// <summary>Yes/no fields that also get a list document ("which sites have a rail siding?").</summary>
    public static readonly IReadOnlyList<string> ListedFlags = [ParkFields.RailSiding, ParkFields.FederalRegistry, ParkFields.CustomsZone];

    public static IReadOnlyList<SearchDocument> Build(KnowledgeSnapshot snapshot)
    {
        var documents = new List<SearchDocument>();
        documents.AddRange(snapshot.Facts.Select(f => FromFact(f, snapshot)));
        foreach (var park in snapshot.Parks)
        {
            foreach (var field in park.Fields.Keys.Union(AnswerableFields))
                documents.Add(FromParkField(park, field, snapshot.Lexicon));
        }
        foreach (var flag in ListedFlags)
        {
            var listed = snapshot.Parks
                .Where(p => p.NewestFlag(flag) == true)
                .Select(p => (p, p.Field(flag).Newest!)).ToList();
            if (listed.Count > 0) documents.Add(FieldList(flag, listed, snapshot.Lexicon));
        }
        return documents;
    }

    /// <summary>The phrasings of a park field: the lexicon group whose first term is the field name, e.g. [rail_siding, railway siding, ж/д ветка, …].</summary>
    public static IReadOnlyList<string> FieldPhrasings(string field, Lexicon lexicon) =>
        lexicon.Groups.FirstOrDefault(g => g.Count > 0 && string.Equals(g[0], field, StringComparison.OrdinalIgnoreCase)) is { } group
            ? group.Skip(1).ToList()
            : [field.Replace('_', ' ')];

    private static SearchDocument FromFact(Fact fact, KnowledgeSnapshot snapshot)
    {
        var parks = fact.Entities.Select(snapshot.Park).OfType<Park>().ToList();
        return new SearchDocument
        {
            Id = fact.Id,
            Kind = DocumentKind.Fact,
            Fact = fact,
            Titles = fact.Title.Texts.Values.ToList(),
            Aliases = fact.Aliases.All.ToList(),
            Names = parks.SelectMany(p => p.AllNames).ToList(),
            Parks = parks,
            Body = Body(fact.Values),
            IsUnknown = fact.State == FactState.Unknown || fact.Values.Count == 0,
            Text = Render(fact.Title.Get("en") ?? fact.Id, fact.Values),
        };
    }

    private static SearchDocument FromParkField(Park park, string field, Lexicon lexicon)
    {
        var history = park.Field(field);
        var phrasings = field == ParkFields.Notes
            ? history.Values.SelectMany(v => v.Label.Texts.Values).Distinct().ToList()
            : FieldPhrasings(field, lexicon);
        var name = park.Names.Get("en") ?? park.Id;
        return new SearchDocument
        {
            Id = $"{park.Id}/{field}",
            Kind = DocumentKind.ParkField,
            Park = park,
            Field = field,
            Titles = phrasings,
            Names = park.AllNames.Append(park.Id).ToList(),
            Parks = [park],
            Body = Body(history.Values),
            IsUnknown = !history.IsKnown,
            Text = Render($"{name} – {field.Replace('_', ' ')}", history.Values),
        };
    }

    private static SearchDocument FieldList(string field, List<(Park, SourcedValue)> listed, Lexicon lexicon) => new()
    {
        Id = $"list/{field}",
        Kind = DocumentKind.FieldList,
        Field = field,
        Listed = listed,
        Titles = FieldPhrasings(field, lexicon),
        Names = listed.SelectMany(l => l.Item1.AllNames).ToList(),
        Parks = listed.Select(l => l.Item1).ToList(),
        Body = Body(listed.Select(l => l.Item2)),
        Text = $"{field.Replace('_', ' ')}: " + string.Join("; ", listed.Select(l => $"{l.Item1.Names.Get("en")} ({l.Item2.Label.Get("en")}, as of {l.Item2.AsOf})")),
    };

    private static string Body(IEnumerable<SourcedValue> values)
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            sb.Append(v.Display).Append(". ");
            foreach (var label in v.Label.Texts.Values) sb.Append(label).Append(". ");
            if (v.Country is not null) sb.Append(v.Country).Append(". ");
        }
        return sb.ToString();
    }

    private static string Render(string title, IEnumerable<SourcedValue> values) =>
        title + ": " + string.Join("; ", values.Select(v =>
            (v.Label.Get("en") is { } label ? $"{v.Display} ({label})" : v.Display) + $", as of {v.AsOf}"));
}
