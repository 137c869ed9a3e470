namespace KalugaBot.Knowledge.Facts;

/// <summary>One investment site (knowledge/parks/&lt;id&gt;.yaml). A field that is absent is unknown — never guessed.</summary>
public sealed record Park
{
    public required string Id { get; init; }
    public required ParkKind Kind { get; init; }

    /// <summary>Official name per language (at least en and ru).</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>Other spellings per language (Vorsino / Ворсино / Worsino).</summary>
    public LocalizedList Aliases { get; init; } = LocalizedList.Empty;

    /// <summary>The park this one is a site of (SEZ sites → <c>sez-kaluga</c>), if any.</summary>
    public string? Parent { get; init; }

    /// <summary>Machine-readable specialisation tags: automotive, pharma, logistics, wood, food, metals, …</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];

    /// <summary>Dated, sourced values per field name (<see cref="ParkFields"/>); absent field = unknown.</summary>
    public IReadOnlyDictionary<string, ValueHistory> Fields { get; init; } = new Dictionary<string, ValueHistory>();

    /// <summary>The file the record was read from.</summary>
    public string File { get; init; } = "";

    public ValueHistory Field(string name) => Fields.TryGetValue(name, out var history) ? history : ValueHistory.Empty;

    /// <summary>A field's values grouped by key (e.g. the distinct points under <c>notes</c>), each part newest first.</summary>
    public IReadOnlyList<ValueHistory> FieldParts(string name) => ValueHistory.GroupByKey(Field(name).Values);

    public ValueHistory TotalAreaHa => Field(ParkFields.TotalAreaHa);
    public ValueHistory FreeAreaHa => Field(ParkFields.FreeAreaHa);
    public ValueHistory DistanceToMoscowKm => Field(ParkFields.DistanceToMoscowKm);
    public ValueHistory DistanceToKalugaKm => Field(ParkFields.DistanceToKalugaKm);
    public ValueHistory PowerMw => Field(ParkFields.PowerMw);
    public ValueHistory GasM3h => Field(ParkFields.GasM3h);
    public ValueHistory WaterM3Day => Field(ParkFields.WaterM3Day);
    public ValueHistory RailSiding => Field(ParkFields.RailSiding);
    public ValueHistory Motorway => Field(ParkFields.Motorway);
    public ValueHistory Residents => Field(ParkFields.Residents);
    public ValueHistory FederalRegistry => Field(ParkFields.FederalRegistry);
    public ValueHistory Benefits => Field(ParkFields.Benefits);
    public ValueHistory CustomsZone => Field(ParkFields.CustomsZone);

    /// <summary>Newest number of a field, or null when unknown (for matching).</summary>
    public decimal? NewestNumber(string field) => Field(field).Newest?.Number;

    /// <summary>Newest yes/no of a field, or null when unknown.</summary>
    public bool? NewestFlag(string field) => Field(field).Newest?.Flag;

    /// <summary>Official names and aliases in every language.</summary>
    public IEnumerable<string> AllNames => Names.Texts.Values.Concat(Aliases.All).Distinct(StringComparer.OrdinalIgnoreCase);
}
