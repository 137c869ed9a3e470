namespace KalugaBot.Knowledge.Search;

/// <summary>
/// One thing named in many ways: a lexicon synonym group ("hectare": ha, гектар, Hektar, ettari, 公顷) or a park with
/// all its names. Questions and documents are both tagged with the concepts they mention, so a question in one
/// language meets a fact written in another.
/// </summary>
/// <param name="Id">"syn:hectare", "park:vorsino".</param>
public sealed record Concept(string Id, IReadOnlyList<string> Phrasings)
{
    public static string SynonymId(IReadOnlyList<string> group) => "syn:" + group[0].Trim().ToLowerInvariant();
    public const string ParkPrefix = "park:";
    public static string ParkId(string parkId) => ParkPrefix + parkId.ToLowerInvariant();
}
