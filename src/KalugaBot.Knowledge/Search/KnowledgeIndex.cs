using KalugaBot.Knowledge.Facts;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace KalugaBot.Knowledge.Search;

/// <summary>
/// An in-memory Lucene index (BM25) over one knowledge snapshot. Every text field is indexed once per language with
/// that language's analyzer (title_de, alias_de, …) and a question is searched in its own language's fields, plus the
/// concept field that ties the languages together. Immutable: a new snapshot gets a new index.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string ConceptField = "concept";
    private const string OrdinalField = "ord";
    private static readonly (string Name, float Boost)[] TextFields = [("title", 3f), ("alias", 2f), ("name", 2.5f), ("body", 0.7f)];
    private const float ConceptBoost = 2.5f;
    /// <summary>How much of the final score is coverage (the rest is BM25, normalised to the best hit).</summary>
    private const double CoverageShare = 0.5;
    private const int Candidates = 40;
    private const double UnnamedParkPenalty = 0.8;
    private const double SpecificityBonus = 0.1;
    private const double UnknownWordWeight = 2.0;
    /// <summary>A rare word weighs at most about as much as a concept: rare function words ("between") must not sink an answer.</summary>
    private const double MaxWordWeight = 3.0;

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly TextAnalysis _analysis;
    private readonly ConceptMatcher _matcher;
    private readonly Dictionary<string, HashSet<string>> _filler;
    private readonly DocumentProfile[] _profiles;
    private readonly int[] _ordinalOfDoc;
    // language → concept → number of documents mentioning it (in that language's texts).
    private readonly Dictionary<string, Dictionary<string, int>> _conceptFrequency =
        SearchLanguages.All.ToDictionary(l => l, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly Dictionary<string, int> _ordinalById = new(StringComparer.Ordinal);

    private KnowledgeIndex(IReadOnlyList<SearchDocument> documents, TextAnalysis analysis, ConceptMatcher matcher)
    {
        Documents = documents;
        for (var i = 0; i < documents.Count; i++) _ordinalById[documents[i].Id] = i;
        _analysis = analysis;
        _matcher = matcher;
        _filler = SearchLanguages.All.ToDictionary(l => l,
            l => analysis.Tokens(l, QueryFiller.Words[l]).Select(t => t.Term).ToHashSet(StringComparer.Ordinal));
        _profiles = new DocumentProfile[documents.Count];

        var cache = new BuildCache(analysis, matcher);
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(SearchLanguages.Version, FieldAnalyzer(analysis)) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < documents.Count; i++) writer.AddDocument(ToLucene(i, documents[i], cache));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        // Lucene's doc ids → our ordinals, read once: loading stored fields per hit costs more than the search itself.
        _ordinalOfDoc = new int[_reader.MaxDoc];
        for (var docId = 0; docId < _reader.MaxDoc; docId++)
            _ordinalOfDoc[docId] = _reader.Document(docId).GetField(OrdinalField).GetInt32Value()!.Value;
    }

    public IReadOnlyList<SearchDocument> Documents { get; }

    public static KnowledgeIndex Build(KnowledgeSnapshot snapshot, TextAnalysis analysis)
    {
        var concepts = snapshot.Lexicon.Groups.Where(g => g.Count > 0).Select(g => new Concept(Concept.SynonymId(g), g))
            .Concat(snapshot.Parks.Select(p => new Concept(Concept.ParkId(p.Id), p.AllNames.ToList())));
        return new KnowledgeIndex(SearchDocuments.Build(snapshot), analysis, new ConceptMatcher(concepts, analysis));
    }

    public KnowledgeSearchResult Search(string query, string? language, int top)
    {
        var plan = Plan(query, language);
        if (plan.Units.Count == 0) return KnowledgeSearchResult.Empty(query ?? "", plan.Language);

        var bq = new BooleanQuery();
        foreach (var term in plan.Terms)
        foreach (var (name, boost) in TextFields)
        {
            // Only words that name a park search the name field: "park" alone must not favour every park.
            if (name == "name" && !plan.NameTerms.Contains(term)) continue;
            bq.Add(new TermQuery(new Term($"{name}_{plan.Language}", term)) { Boost = boost }, Occur.SHOULD);
        }
        foreach (var id in plan.Concepts)
            bq.Add(new TermQuery(new Term($"{ConceptField}_{plan.Language}", id)) { Boost = ConceptBoost }, Occur.SHOULD);

        var found = _searcher.Search(bq, Math.Max(top, Candidates)).ScoreDocs;
        if (found.Length == 0) return new KnowledgeSearchResult(query, plan.Language, [], plan.Concepts);
        var best = found.Max(d => d.Score);
        var hits = found
            .Select(d =>
            {
                var ordinal = _ordinalOfDoc[d.Doc];
                var coverage = Coverage(plan, ordinal);
                var document = Documents[ordinal];
                var score = (1 - CoverageShare) * d.Score / best + CoverageShare * coverage + (IsAboutNamedParksOnly(plan, document) ? SpecificityBonus : 0);
                return new KnowledgeHit(document, score, coverage);
            })
            .OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(top).ToList();
        return new KnowledgeSearchResult(query, plan.Language, hits, plan.Concepts);
    }

    /// <summary>
    /// What the question asks about: its concepts, and its remaining content words (not filler, not part of a concept
    /// phrasing), each weighted by rarity (BM25 idf). A word no document contains weighs most: we do not know about it.
    /// </summary>
    public QueryPlan Plan(string? query, string? language)
    {
        var lang = SearchLanguages.Normalize(language);
        if (string.IsNullOrWhiteSpace(query) || Documents.Count == 0) return new QueryPlan(lang, [], [], [], new HashSet<string>());
        var concepts = _matcher.Match(query, ConceptMatcher.QueryLanguages(lang));
        var tokens = _analysis.Tokens(lang, query).Where(t => !_filler[lang].Contains(t.Term)).ToList();
        // "Vorsino" is both a lexicon group and the park's name: one thing asked, counted once (as the park).
        var parkSpans = concepts.Spans.Where(s => s.Concept.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal)).ToList();
        var counted = concepts.Ids.Where(id => id.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal)
            || !concepts.Spans.Where(s => s.Concept == id).All(s => parkSpans.Any(p => p.Start <= s.Start && p.End >= s.End)));
        var units = counted.Select(id => new QueryUnit(true, id, Idf(_conceptFrequency[lang].GetValueOrDefault(id)))).ToList();
        foreach (var term in tokens.Where(t => !concepts.Covers(t)).Select(t => t.Term).Distinct())
        {
            var frequency = _profiles.Count(p => p.HasTerm(lang, term));
            // A word no document contains is more often a paraphrase than a topic we lack; topics are lexicon concepts.
            units.Add(new QueryUnit(false, term, frequency == 0 ? UnknownWordWeight : Math.Min(MaxWordWeight, Idf(frequency))));
        }
        var nameTerms = tokens.Where(t => concepts.Covers(t, id => id.StartsWith(Concept.ParkPrefix, StringComparison.Ordinal))).Select(t => t.Term).ToHashSet();
        return new QueryPlan(lang, tokens.Select(t => t.Term).Distinct().ToList(), concepts.Ids.ToList(), units, nameTerms);
    }

    /// <summary>Share of the plan's weight that the document mentions (0..1).</summary>
    public double Coverage(QueryPlan plan, SearchDocument document) =>
        _ordinalById.TryGetValue(document.Id, out var ordinal) ? Coverage(plan, ordinal) : 0;

    private double Coverage(QueryPlan plan, int ordinal)
    {
        double total = 0, matched = 0;
        foreach (var (isConcept, key, weight) in plan.Units)
        {
            total += weight;
            matched += weight * _profiles[ordinal].Credit(new QueryUnit(isConcept, key, weight), plan.Language);
        }
        if (total == 0) return 0;
        // A park field answers a question about that park; when the question names no park it is a weaker answer
        // than a fact or a list about all parks.
        var document = Documents[ordinal];
        var penalty = document.Kind == DocumentKind.ParkField && !NamesPark(plan, document.Park!) ? UnnamedParkPenalty : 1;
        return penalty * matched / total;
    }

    /// <summary>When the question names parks, a document about exactly those parks beats one about many.</summary>
    private static bool IsAboutNamedParksOnly(QueryPlan plan, SearchDocument document) =>
        document.Parks.Count > 0 && document.Parks.All(p => NamesPark(plan, p));

    private static bool NamesPark(QueryPlan plan, Park park) =>
        plan.Concepts.Contains(Concept.ParkId(park.Id)) || (park.Parent is { } parent && plan.Concepts.Contains(Concept.ParkId(parent)));

    private double Idf(int documentFrequency) =>
        Math.Log(1 + (Documents.Count - documentFrequency + 0.5) / (documentFrequency + 0.5));

    private Document ToLucene(int ordinal, SearchDocument source, BuildCache cache)
    {
        var doc = new Document { new StoredField(OrdinalField, ordinal) };
        var profile = _profiles[ordinal] = DocumentProfile.Of(source, cache);
        foreach (var lang in SearchLanguages.All)
        {
            Add(doc, $"title_{lang}", source.Titles.For(lang), lang, cache);
            Add(doc, $"alias_{lang}", source.Aliases.For(lang), lang, cache);
            Add(doc, $"name_{lang}", source.Names, lang, cache);
            Add(doc, $"body_{lang}", source.Body.For(lang), lang, cache);
            foreach (var id in profile.For(lang).AllConcepts)
            {
                doc.Add(new StringField($"{ConceptField}_{lang}", id, Field.Store.NO));
                _conceptFrequency[lang][id] = _conceptFrequency[lang].GetValueOrDefault(id) + 1;
            }
        }
        return doc;
    }

    private static void Add(Document doc, string field, IEnumerable<string> texts, string language, BuildCache cache)
    {
        var terms = cache.Tokens(language, BuildCache.Join(texts)).Select(t => t.Term).ToList();
        if (terms.Count > 0) doc.Add(new TextField(field, new TokenListStream(terms)));
    }

    private static PerFieldAnalyzerWrapper FieldAnalyzer(TextAnalysis analysis)
    {
        var perField = new Dictionary<string, Analyzer>();
        foreach (var lang in SearchLanguages.All)
        foreach (var (name, _) in TextFields)
            perField[$"{name}_{lang}"] = analysis.For(lang);
        return new PerFieldAnalyzerWrapper(analysis.For("en"), perField);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
