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
            Titles = DocumentTexts.Localized(fact.Title.Texts),
            Aliases = DocumentTexts.Localized(fact.Aliases.Items.SelectMany(kv => kv.Value.Select(a => KeyValuePair.Create(kv.Key, a)))),
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
        // Notes are assorted remarks: their labels stay in the body (weak evidence) rather than posing as a title.
        var titles = field == ParkFields.Notes ? DocumentTexts.Empty : DocumentTexts.OnlyNeutral(FieldPhrasings(field, lexicon));
        var name = park.Names.Get("en") ?? park.Id;
        return new SearchDocument
        {
            Id = $"{park.Id}/{field}",
            Kind = DocumentKind.ParkField,
            Park = park,
            Field = field,
            Titles = titles,
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
        Titles = DocumentTexts.OnlyNeutral(FieldPhrasings(field, lexicon)),
        Names = listed.SelectMany(l => l.Item1.AllNames).ToList(),
        Parks = listed.Select(l => l.Item1).ToList(),
        Body = Body(listed.Select(l => l.Item2)),
        Text = $"{field.Replace('_', ' ')}: " + string.Join("; ", listed.Select(l => $"{l.Item1.Names.Get("en")} ({l.Item2.Label.Get("en")}, as of {l.Item2.AsOf})")),
    };

    /// <summary>Values are neutral (numbers, names, countries); labels belong to their language.</summary>
    private static DocumentTexts Body(IEnumerable<SourcedValue> values)
    {
        var list = values.ToList();
        return DocumentTexts.Localized(list.SelectMany(v => v.Label.Texts),
            list.Select(v => v.Display).Concat(list.Select(v => v.Country).OfType<string>()).Where(t => t.Length > 0));
    }

    private static string Render(string title, IEnumerable<SourcedValue> values) =>
        title + ": " + string.Join("; ", values.Select(v =>
            (v.Label.Get("en") is { } label ? $"{v.Display} ({label})" : v.Display) + $", as of {v.AsOf}"));
}
