using System.Runtime.CompilerServices;
using KalugaBot.Bot.Routing;
using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Bot.Matching;

/// <summary>Finds sites named in a message by any of their names or aliases, in any language.</summary>
public static class SiteNames
{
    /// <summary>Russian one-word names decline ("Росва" → "Росву", "Росвы"): a stem plus up to two letters also counts.</summary>
    private static bool IsInflectable(string name) =>
        name.Length >= 5 && !name.Contains(' ') && name.All(c => c is >= 'а' and <= 'я' or '-') && name[^1] is 'а' or 'я' or 'о' or 'е';

    private static int InflectedIndex(string padded, string name)
    {
        var stem = name[..^1];
        for (var i = padded.IndexOf(" " + stem, StringComparison.Ordinal); i >= 0; i = padded.IndexOf(" " + stem, i + 1, StringComparison.Ordinal))
        {
            var end = i + 1 + stem.Length;
            var extra = 0;
            while (end + extra < padded.Length && char.IsLetter(padded[end + extra])) extra++;
            if (extra <= 2) return i;
        }
        return -1;
    }

    /// <param name="Pattern">What to look for in the padded message: the name between spaces, or as is for Chinese.</param>
    private sealed record Name(Park Park, string Text, string Pattern, bool Inflectable);

    // Names are normalised once per knowledge version, not on every message.
    private static readonly ConditionalWeakTable<KnowledgeSnapshot, IReadOnlyList<Name>> Names = new();

    private static IReadOnlyList<Name> NamesOf(KnowledgeSnapshot knowledge) => Names.GetValue(knowledge, k =>
        k.Parks.OrderBy(p => p.Id, StringComparer.Ordinal)
            .SelectMany(park => park.AllNames.Append(park.Id.Replace('-', ' ')).Select(name => (park, n: IntentWords.Normalize(name))))
            .Where(x => x.n.Length >= 3)
            .Select(x => new Name(x.park, x.n, x.n.Any(Knowledge.Matching.Extraction.PhraseSet.IsCjk) ? x.n : " " + x.n + " ", IsInflectable(x.n)))
            .ToList());

    /// <summary>The parks named, in the order they appear; the longest name wins where names overlap.</summary>
    public static IReadOnlyList<Park> Find(string? text, KnowledgeSnapshot knowledge)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var padded = " " + IntentWords.Normalize(text) + " ";
        var hits = new List<(Park Park, int Start, int Length)>();
        foreach (var name in NamesOf(knowledge))
        {
            var index = padded.IndexOf(name.Pattern, StringComparison.Ordinal);
            if (index < 0 && name.Inflectable) index = InflectedIndex(padded, name.Text);
            if (index >= 0) hits.Add((name.Park, index, name.Text.Length));
        }
        var taken = new List<(Park Park, int Start, int Length)>();
        foreach (var hit in hits.OrderByDescending(h => h.Length).ThenBy(h => h.Park.Parent is null ? 0 : 1).ThenBy(h => h.Park.Id, StringComparer.Ordinal))
        {
            if (taken.Any(t => t.Park.Id == hit.Park.Id || (hit.Start < t.Start + t.Length + 1 && t.Start < hit.Start + hit.Length + 1))) continue;
            taken.Add(hit);
        }
        return taken.OrderBy(t => t.Start).Select(t => t.Park).ToList();
    }
}
