using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KalugaBot.Host.Staff.Search;

/// <summary>Per-language analysis for transcripts: each message goes into <c>text_{lang}</c> (stemmed for its language)
/// and <c>text_std</c> (plain words), and a query is analysed for every language so a Russian or German word finds its forms.</summary>
public static class TranscriptAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const string PlainField = "text_std";
    public static readonly IReadOnlyList<string> Languages = KalugaBot.Knowledge.Facts.Languages.All;

    public static string FieldFor(string language) => "text_" + language;
    public static IEnumerable<string> AllTextFields => Languages.Select(FieldFor).Append(PlainField);

    public static Analyzer Create() => new PerFieldAnalyzerWrapper(new StandardAnalyzer(Version), new Dictionary<string, Analyzer>
    {
        [FieldFor("en")] = new EnglishAnalyzer(Version),
        [FieldFor("ru")] = new RussianAnalyzer(Version),
        [FieldFor("de")] = new GermanAnalyzer(Version),
        [FieldFor("fr")] = new FrenchAnalyzer(Version),
        [FieldFor("it")] = new ItalianAnalyzer(Version),
        [FieldFor("pt")] = new PortugueseAnalyzer(Version),
        [FieldFor("zh")] = new CJKAnalyzer(Version),
    });

    /// <summary>The message's language: its locale when known, else a guess from the script (Cyrillic → ru, Han → zh), else en.</summary>
    public static string LanguageOf(string? locale, string text)
    {
        var prefix = locale?.Split('-', '_')[0].ToLowerInvariant();
        if (prefix is not null && Languages.Contains(prefix)) return prefix;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') return "ru";
            if (c is >= '\u4E00' and <= '\u9FFF') return "zh";
        }
        return "en";
    }
}
