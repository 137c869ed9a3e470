using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Loading;

/// <summary>Checks that span files: unique ids, park ids referenced by facts/parents, alias targets; then merges staff aliases.</summary>
internal static class CrossReferences
{
    public static void Check(List<Park> parks, List<Fact> facts, List<AliasEntry> aliases, List<KnowledgeProblem> problems)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, file) in parks.Select(p => (p.Id, p.File)).Concat(facts.Select(f => (f.Id, f.File))))
        {
            if (seen.TryGetValue(id, out var first)) problems.Add(new KnowledgeProblem(file, id, "id", $"duplicate id (also in {first})"));
            else seen[id] = file;
        }
        var parkIds = parks.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var park in parks.Where(p => p.Parent is not null && !parkIds.Contains(p.Parent)))
            problems.Add(new KnowledgeProblem(park.File, park.Id, "parent", $"unknown park id '{park.Parent}'"));
        foreach (var fact in facts)
        foreach (var entity in fact.Entities.Where(e => !parkIds.Contains(e)))
            problems.Add(new KnowledgeProblem(fact.File, fact.Id, "entities", $"unknown park id '{entity}'"));
        foreach (var alias in aliases.Where(a => !seen.ContainsKey(a.Target)))
            problems.Add(new KnowledgeProblem(alias.File, alias.Target, "target", $"no fact or park with id '{alias.Target}'"));
    }

    public static (List<Park>, List<Fact>) MergeAliases(List<Park> parks, List<Fact> facts, List<AliasEntry> aliases)
    {
        var byTarget = aliases.ToLookup(a => a.Target, StringComparer.OrdinalIgnoreCase);
        var mergedParks = parks.Select(p => p with { Aliases = Merge(p.Aliases, byTarget[p.Id]) }).ToList();
        var mergedFacts = facts.Select(f => f with { Aliases = Merge(f.Aliases, byTarget[f.Id]) }).ToList();
        return (mergedParks, mergedFacts);
    }

    private static LocalizedList Merge(LocalizedList list, IEnumerable<AliasEntry> extra)
    {
        foreach (var entry in extra)
            if (!list.Get(entry.Language).Contains(entry.Alias, StringComparer.OrdinalIgnoreCase)) list = list.With(entry.Language, entry.Alias);
        return list;
    }
}
