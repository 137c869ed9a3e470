namespace KalugaBot.Knowledge.Search;

/// <param name="Terms">Analysed content words of the question (filler removed), searched in the language's fields.</param>
/// <param name="Concepts">Lexicon concepts and park names the question mentions.</param>
/// <param name="Units">What coverage is measured over (concepts, plus words no concept covers), with idf weights.</param>
/// <param name="NameTerms">Terms that are part of a park's name in the question (searched in the name field).</param>
public sealed record QueryPlan(string Language, IReadOnlyList<string> Terms, IReadOnlyList<string> Concepts, IReadOnlyList<QueryUnit> Units, IReadOnlySet<string> NameTerms);

public readonly record struct QueryUnit(bool IsConcept, string Key, double Weight);
