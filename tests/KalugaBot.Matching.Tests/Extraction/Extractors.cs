using KalugaBot.Knowledge.Matching.Extraction;

namespace KalugaBot.Matching.Tests.Extraction;

/// <summary>One extractor for all tests (its regexes and the Recognizers.Text models are built once).</summary>
public static class Extractors
{
    public static readonly RequirementExtractor Shared = new(MatchLexicon.Load(MatchLexicon.DefaultFile()));
}
