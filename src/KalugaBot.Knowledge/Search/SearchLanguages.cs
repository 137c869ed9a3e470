using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Util;

namespace KalugaBot.Knowledge.Search;

/// <summary>The languages the index analyses text in, and one Lucene analyzer per language.</summary>
public static class SearchLanguages
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly IReadOnlyList<string> All = ["en", "ru", "de", "fr", "it", "pt", "zh"];

    /// <summary>"de-DE", "DE" → "de"; anything else → English.</summary>
    public static string Normalize(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(primary) ? primary : "en";
    }

    /// <summary>
    /// Stemming analyzer for a language. Accents are folded after stemming so "economica"/"económica"
    /// and "ettari"/"èttari" meet. Chinese is indexed as overlapping character pairs (CJK bigrams): on 30 Chinese
    /// paraphrased questions they found the right fact first 30 times, SmartCn's word segmentation 29, and without
    /// SmartCn's dictionaries and ICU4N's culture data the host needs ~30 MB less (2026-11-26).
    /// </summary>
    public static Analyzer Create(string language) => Normalize(language) switch
    {
        "ru" => new FoldingAnalyzer(new RussianAnalyzer(Version)),
        "de" => new FoldingAnalyzer(new GermanAnalyzer(Version)),
        "fr" => new FoldingAnalyzer(new FrenchAnalyzer(Version)),
        "it" => new FoldingAnalyzer(new ItalianAnalyzer(Version)),
        "pt" => new FoldingAnalyzer(new PortugueseAnalyzer(Version)),
        "zh" => new CJKAnalyzer(Version),
        _ => new FoldingAnalyzer(new EnglishAnalyzer(Version)),
    };

    private static readonly NormalizeCharMap YoMap = BuildYoMap();

    private static NormalizeCharMap BuildYoMap()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("ё", "е");
        builder.Add("Ё", "Е");
        return builder.Build();
    }

    /// <summary>Appends ASCII folding (and ё→е) to another analyzer's chain.</summary>
    private sealed class FoldingAnalyzer(Analyzer inner) : AnalyzerWrapper(inner.Strategy)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

        protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
            new(components.Tokenizer, new ASCIIFoldingFilter(components.TokenStream));

        // Russian "ё" is often typed as "е": map it before the stemmer sees the word.
        protected override TextReader WrapReader(string fieldName, TextReader reader) => new MappingCharFilter(YoMap, reader);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
