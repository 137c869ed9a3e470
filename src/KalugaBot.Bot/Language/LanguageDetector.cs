namespace KalugaBot.Bot.Language;

/// <summary>Guesses the language of a short message from its script and common words.</summary>
/// <remarks>Good enough for chat turns; a confident result overrides the client's locale, a weak one does not.</remarks>
public sealed class LanguageDetector
{
    private static readonly Dictionary<string, HashSet<string>> Markers = new()
    {
        ["en"] = Words("the what how which is are do does can i we you my our need where who when tell about there of in for with and to from a an much many any please hello hi yes no thanks thank far big long"),
        ["de"] = Words("der die das und ist sind wie was welche welcher welches wo wer ich wir sie mit für von im auf brauchen benötigen gibt es ein eine einen nicht hallo bitte groß unternehmen deutschen morgen heute uhr um ja nein danke gerne wann viel viele"),
        ["fr"] = Words("le la les et est sont quel quelle quels quelles comment où qui je nous vous avec pour de du des un une dans sur il y a combien bonjour entreprises françaises besoin oui non merci demain"),
        ["it"] = Words("il lo la gli le e è sono quale quali come dove chi io noi voi con per di del della un una nel nella in su ci quanti quanto ciao mi servono aziende italiane sì no grazie domani"),
        ["pt"] = Words("o a os as e é são qual quais como onde quem eu nós você com para de do da um uma no na em existem quantos quanto olá preciso empresas região sim não obrigado amanhã"),
    };

    // A word shared by several languages ("no", "a", "de", "um") tells little: it counts 1/n towards each of the n.
    private static readonly Dictionary<string, double> Weights = Markers.Values
        .SelectMany(words => words)
        .GroupBy(word => word, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => 1.0 / g.Count(), StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Words(string words) => new(words.Split(' '), StringComparer.OrdinalIgnoreCase);

    public LanguageGuess Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new LanguageGuess(null, 0);
        int cyrillic = 0, cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF') cjk++;
            else if (char.IsLetter(c) && c < '\u0250') latin++;
        }
        var letters = cyrillic + cjk + latin;
        if (letters == 0) return new LanguageGuess(null, 0);
        if (cjk > 0 && cjk * 3 >= letters) return new LanguageGuess("zh", 0.95);
        if (cyrillic * 2 >= letters) return new LanguageGuess("ru", 0.95);

        var tokens = text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ';', ':', '"', '\'', '(', ')', '«', '»', '’', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string? best = null;
        double bestScore = 0, second = 0;
        foreach (var (lang, markers) in Markers)
        {
            var score = tokens.Where(markers.Contains).Sum(t => Weights[t]) + DiacriticBonus(lang, text);
            if (score > bestScore) { second = bestScore; bestScore = score; best = lang; }
            else if (score > second) second = score;
        }
        if (best is null || bestScore < 0.5) return new LanguageGuess(null, 0);
        // One distinctive word is a fair guess; several, well ahead of the runner-up, a confident one.
        var confidence = Math.Min(0.9, 0.35 + 0.15 * bestScore + 0.1 * (bestScore - second));
        return new LanguageGuess(best, confidence);
    }

    private static double DiacriticBonus(string lang, string text) => lang switch
    {
        "de" => text.Count(c => c is 'ä' or 'ö' or 'ü' or 'ß') * 0.7,
        "fr" => text.Count(c => c is 'ç' or 'ê' or 'è' or 'à' or 'û' or 'ô' or 'î') * 0.7 + text.Count(c => c == 'é') * 0.3,
        "it" => text.Count(c => c is 'ì' or 'ò' or 'ù') * 0.5,
        "pt" => text.Count(c => c is 'ã' or 'õ' or 'ç') * 0.7,
        _ => 0,
    };
}

public readonly record struct LanguageGuess(string? Language, double Confidence);
