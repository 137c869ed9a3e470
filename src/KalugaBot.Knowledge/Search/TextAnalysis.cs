using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KalugaBot.Knowledge.Search;

/// <summary>Runs the per-language analyzers outside the index (concept matching, coverage of a query).</summary>
public sealed class TextAnalysis : IDisposable
{
    private readonly Dictionary<string, Analyzer> _analyzers = SearchLanguages.All.ToDictionary(l => l, SearchLanguages.Create);

    public Analyzer For(string language) => _analyzers[SearchLanguages.Normalize(language)];

    /// <summary>The index terms of <paramref name="text"/> as the analyzer of <paramref name="language"/> produces them, with their character spans.</summary>
    public List<Token> Tokens(string language, string text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        using var stream = For(language).GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers.Values) analyzer.Dispose();
    }
}

public readonly record struct Token(string Term, int Start, int End);
