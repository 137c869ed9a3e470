using KalugaBot.Protocol.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;

namespace KalugaBot.Host.Staff.Search;

/// <summary>One indexed message.</summary>
public sealed record IndexedMessage(string ActivityId, string ConversationId, long Sequence, DateTime TimestampUtc, string? Role, string Language, string Text);

/// <summary>A conversation that matched, with its best highlighted fragments (HTML-encoded text with &lt;mark&gt;).</summary>
public sealed record SearchHit(string ConversationId, float Score, IReadOnlyList<(long Sequence, string? Role, string Html)> Fragments);

/// <summary>The persistent full-text index of all transcripts (Lucene, under the data folder, "staff-index").</summary>
/// <remarks>Read through file handles (NIOFSDirectory), not memory-mapped: the index grows with every conversation, and
/// mapped, the pages its merges and searches touched stayed in the host's working set (8 MB after 70 s of the load
/// benchmark, growing with the index); read, they sit in the system's file cache like the database's.</remarks>
public sealed class TranscriptSearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly Analyzer _analyzer = TranscriptAnalyzers.Create();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public TranscriptSearchIndex(LiteDbContext db)
    {
        Folder = Path.Combine(db.DataFolder, "staff-index"); // beside the database, resolved once (LiteDbContext.DataFolder)
        System.IO.Directory.CreateDirectory(Folder);
        _directory = new NIOFSDirectory(new DirectoryInfo(Folder));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(TranscriptAnalyzers.Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, true, null);
    }

    public string Folder { get; }

    /// <summary>Adds the messages; with <paramref name="replace"/>, a message already in the index (by activity id) is
    /// replaced instead of added twice.</summary>
    /// <remarks>Replacing costs a buffered delete per message, each looked up in every segment at the next commit; under
    /// load that was a fifth of the host's CPU, so callers replace only when the index may already hold some of them.</remarks>
    public void Add(IEnumerable<IndexedMessage> messages, bool replace)
    {
        // The keyword fields are reused from one message to the next: a new StringField builds a new token stream with
        // its attribute maps per document, a tenth of the host's allocations under load (bench load, 2026-11-26).
        var id = new StringField("id", "", Field.Store.YES);
        var conv = new StringField("conv", "", Field.Store.YES);
        var seq = new StoredField("seq", 0L);
        var role = new StringField("role", "", Field.Store.YES);
        var lang = new StringField("lang", "", Field.Store.YES);
        foreach (var m in messages)
        {
            id.SetStringValue(m.ActivityId);
            conv.SetStringValue(m.ConversationId);
            seq.SetInt64Value(m.Sequence);
            role.SetStringValue(m.Role ?? "");
            lang.SetStringValue(m.Language);
            var doc = new Document
            {
                id, conv, seq, role, lang,
                new TextField(TranscriptAnalyzers.FieldFor(m.Language), m.Text, Field.Store.YES),
                new TextField(TranscriptAnalyzers.PlainField, m.Text, Field.Store.NO),
            };
            if (replace) _writer.UpdateDocument(new Term("id", m.ActivityId), doc);
            else _writer.AddDocument(doc);
        }
    }

    public void DeleteConversation(string conversationId) => _writer.DeleteDocuments(new Term("conv", conversationId));

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>Rewrites segments with deleted documents, so erased text leaves the index files too.</summary>
    public void ExpungeDeletes()
    {
        _writer.ForceMergeDeletes(doWait: true);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        _writer.DeleteUnusedFiles();
    }

    /// <summary>Makes the changes durable and visible to searches.</summary>
    public void Commit()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private static readonly ISet<string> ConversationField = new HashSet<string> { "conv" };

    /// <summary>Conversations whose messages match the words, best first; every word must match (in any language's form).</summary>
    public (IReadOnlyList<SearchHit> Hits, int TotalConversations) Search(string text, int skip, int take, int maxMessages = 2000)
    {
        if (string.IsNullOrWhiteSpace(text)) return ([], 0);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(12).Select(QueryParserBase.Escape);
        var parser = new MultiFieldQueryParser(TranscriptAnalyzers.Version, TranscriptAnalyzers.AllTextFields.ToArray(), _analyzer) { DefaultOperator = Operator.AND };
        Query query;
        try { query = parser.Parse(string.Join(' ', words)); }
        catch (ParseException) { return ([], 0); }
        if (query is BooleanQuery { Clauses.Count: 0 }) return ([], 0);

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(query, maxMessages);
            var byConversation = new List<(string Conv, float Score, List<int> Docs)>();
            var index = new Dictionary<string, int>();
            foreach (var sd in top.ScoreDocs)
            {
                // Only the conversation id: loading every stored text field of 2,000 hits was most of a search's time.
                var conv = searcher.Doc(sd.Doc, ConversationField).Get("conv");
                if (!index.TryGetValue(conv, out var i)) { index[conv] = i = byConversation.Count; byConversation.Add((conv, sd.Score, [])); }
                if (byConversation[i].Docs.Count < 3) byConversation[i].Docs.Add(sd.Doc);
            }
            var hits = byConversation.Skip(skip).Take(take).Select(c => new SearchHit(c.Conv, c.Score,
                c.Docs.Select(d => Fragment(searcher, query, d)).OrderBy(f => f.Sequence).ToList())).ToList();
            return (hits, byConversation.Count);
        }
        finally { _searchers.Release(searcher); }
    }

    private (long Sequence, string? Role, string Html) Fragment(IndexSearcher searcher, Query query, int docId)
    {
        var doc = searcher.Doc(docId);
        var field = TranscriptAnalyzers.FieldFor(doc.Get("lang"));
        var text = doc.Get(field) ?? "";
        // SimpleHTMLEncoder encodes the message text, so the only markup in the fragment is our <mark>.
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MarkupEncoder(), new QueryScorer(query, field)) { TextFragmenter = new SimpleFragmenter(160) };
        var html = highlighter.GetBestFragment(_analyzer, field, text) ?? System.Net.WebUtility.HtmlEncode(text.Length > 160 ? text[..160] + "…" : text);
        return (doc.GetField("seq").GetInt64Value() ?? 0, doc.Get("role"), html);
    }

    public int MessageCount()
    {
        var searcher = _searchers.Acquire();
        try { return searcher.IndexReader.NumDocs; }
        finally { _searchers.Release(searcher); }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}

/// <summary>Escapes markup characters only, so Cyrillic and Han stay readable (Lucene's SimpleHTMLEncoder writes them as entities).</summary>
internal sealed class MarkupEncoder : IEncoder
{
    public string EncodeText(string originalText) => System.Web.HttpUtility.HtmlEncode(originalText);
}
