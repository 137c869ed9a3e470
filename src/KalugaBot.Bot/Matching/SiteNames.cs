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

    /// <summary>The parks named, in the order they appear; the longest name wins where names overlap.</summary>
    public static IReadOnlyList<Park> Find(string? text, KnowledgeSnapshot knowledge)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var padded = " " + IntentWords.Normalize(text) + " ";
        var hits = new List<(Park Park, int Start, int Length)>();
        foreach (var park in knowledge.Parks.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var name in park.AllNames.Append(park.Id.Replace('-', ' ')))
            {
                var n = IntentWords.Normalize(name);
                if (n.Length < 3) continue;
                var cjk = n.Any(Knowledge.Matching.Extraction.PhraseSet.IsCjk);
                var index = cjk ? padded.IndexOf(n, StringComparison.Ordinal) : padded.IndexOf(" " + n + " ", StringComparison.Ordinal);
                if (index < 0 && IsInflectable(n)) index = InflectedIndex(padded, n);
                if (index >= 0) hits.Add((park, index, n.Length));
            }
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
