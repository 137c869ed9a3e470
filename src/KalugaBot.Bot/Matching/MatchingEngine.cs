using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching;
using KalugaBot.Knowledge.Matching.Extraction;
using KalugaBot.Knowledge.Matching.Scoring;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Bot.Matching;

/// <summary>Extraction and ranking over the current knowledge snapshot (one instance per process).</summary>
public sealed class MatchingEngine(KnowledgeStore store, RequirementExtractor extractor, SiteMatcher matcher)
{
    public KnowledgeSnapshot Knowledge => store.Current;
    public RequirementExtractor Extractor { get; } = extractor;

    public Extraction Extract(string? text, string language) => Extractor.Extract(text, language);

    public IReadOnlyList<SiteMatch> Rank(Requirements requirements) => matcher.Rank(requirements, store.Current);

    public SiteMatch Score(Park park, Requirements requirements) => matcher.Score(park, requirements, store.Current);
}
