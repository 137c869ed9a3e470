using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KalugaBot.Knowledge.Search;

/// <summary>Feeds already analysed tokens to the index writer, so no text is analysed twice while building.</summary>
internal sealed class TokenListStream : TokenStream
{
    private readonly IReadOnlyList<string> _terms;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private int _next;

    public TokenListStream(IReadOnlyList<string> terms)
    {
        _terms = terms;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        _position.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
