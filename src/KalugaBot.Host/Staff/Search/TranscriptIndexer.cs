using System.Text.Json;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using LiteDB;

namespace KalugaBot.Host.Staff.Search;

/// <summary>How far one conversation has been indexed (LiteDB "staff_index_progress").</summary>
public sealed class IndexProgress
{
    public string Id { get; set; } = "";
    public long Indexed { get; set; }
}

/// <summary>Keeps the transcript index in step with the stored activities, whoever wrote them: it reads conversations whose
/// last activity is at or after the checkpoint and indexes their activities past the indexed sequence.</summary>
public sealed class TranscriptIndexer
{
    private const string CheckpointId = "~checkpoint";
    private const int ChunkSize = 256;
    private readonly TranscriptSearchIndex _index;
    private readonly ConversationMarks _marks;
    private readonly ILiteCollection<ConversationRecord> _conversations;
    private readonly ILiteCollection<ActivityRecord> _activities;
    private readonly ILiteCollection<IndexProgress> _progress;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // The index may hold messages the stored progress does not count: after a crash between the index commit and the
    // progress write, or after a catch-up that failed half-way. Until one catch-up has completed, messages replace.
    private bool _indexMayBeAhead = true;

    private readonly LiteDbContext _db;

    public TranscriptIndexer(LiteDbContext db, TranscriptSearchIndex index, ConversationMarks marks)
    {
        _db = db;
        _index = index;
        _marks = marks;
        _conversations = db.Collection<ConversationRecord>("conversations");
        _activities = db.Collection<ActivityRecord>("activities");
        _progress = db.Collection<IndexProgress>("staff_index_progress");
    }

    /// <summary>Indexes everything new; returns the number of activities read. Cheap when nothing changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _db.Writes.FlushAsync(); // transcripts are written behind
            var checkpoint = new DateTime((await ReadAsync(() => _progress.FindById(CheckpointId)))?.Indexed ?? 0, DateTimeKind.Utc);
            var changed = await ReadAsync(() => _conversations.Find(LiteQuery.AtLeast(nameof(ConversationRecord.LastActivityUtc), checkpoint)).ToList());
            var read = 0;
            var done = new List<(IndexProgress Progress, ConversationMark Mark)>();
            foreach (var conversation in changed)
            {
                var (progress, mark) = await ReadAsync(() => (_progress.FindById(conversation.Id) ?? new IndexProgress { Id = conversation.Id }, _marks.Load(conversation.Id)));
                var indexedBefore = progress.Indexed;
                while (progress.Indexed < conversation.ActivityCount)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // In chunks, letting waiting turns run in between: on two cores one long catch-up held a core for its whole run.
                    await Task.Yield();
                    // Only the new rows, by _id range ("{conversation}|{sequence:D9}"), not the whole conversation again.
                    var range = ActivityRecord.RangeOf(conversation.Id, progress.Indexed + 1);
                    var rows = await ReadAsync(() => _activities.Find(range, 0, ChunkSize).OrderBy(r => r.Sequence).ToList());
                    if (rows.Count == 0) break;
                    _index.Add(rows.Select(r => ToMessage(r, conversation)).OfType<IndexedMessage>(), replace: _indexMayBeAhead);
                    ConversationMarks.Fold(mark, rows, CitedFacts);
                    read += rows.Count;
                    progress.Indexed = rows[^1].Sequence;
                }
                if (progress.Indexed > indexedBefore) done.Add((progress, mark));
            }
            if (changed.Count > 0)
            {
                _index.Commit();
                // Progress is stored after the index commit (a crash in between re-indexes, and UpdateDocument keeps that
                // idempotent), through the single LiteDB writer.
                foreach (var (progress, mark) in done)
                    _db.Writes.Enqueue(_ =>
                    {
                        _progress.Upsert(progress);
                        _marks.Save(mark);
                    });
                var reached = new IndexProgress { Id = CheckpointId, Indexed = changed.Max(c => c.LastActivityUtc).Ticks };
                _db.Writes.Enqueue(_ => _progress.Upsert(reached));
                await _db.Writes.FlushAsync(); // callers read marks and progress right after
            }
            _indexMayBeAhead = false;
            return read;
        }
        catch
        {
            _indexMayBeAhead = true;
            throw;
        }
        finally { _gate.Release(); }
    }

    // The indexer's reads take turns with the writer's batches on its thread, instead of asking for the LiteDB gate
    // beside every turn's state read; p99 under load was lower this way (bench load, 2026-11-26). Awaited, so a read
    // queued behind a fold does not hold a pool thread.
    private Task<T> ReadAsync<T>(Func<T> read) => _db.Writes.RunAsync(_ => read());

    /// <summary>Forgets a conversation (erase) or makes it re-index from the start (anonymised).</summary>
    public async Task ResetConversationAsync(string conversationId, bool reindex, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _index.DeleteConversation(conversationId);
            _index.Commit();
            _db.Writes.Enqueue(_ =>
            {
                _progress.Delete(conversationId);
                if (reindex) _progress.Upsert(new IndexProgress { Id = CheckpointId, Indexed = 0 });
            });
            await _db.Writes.FlushAsync();
        }
        finally { _gate.Release(); }
    }

    private static IReadOnlyList<string> CitedFacts(ActivityRecord row) =>
        row.Json.Contains("citedFacts", StringComparison.Ordinal) || row.Json.Contains("\"citation\"", StringComparison.Ordinal)
            ? MessageView.CitedFactsOf(ProtocolJson.Deserialize<Activity>(row.Json)!)
            : [];

    private static IndexedMessage? ToMessage(ActivityRecord row, ConversationRecord conversation)
    {
        if (!string.Equals(row.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase)) return null;
        var text = row.Text ?? "";
        if (row.Json.Contains("\"attachments\"", StringComparison.Ordinal))
        {
            var activity = ProtocolJson.Deserialize<Activity>(row.Json);
            var cardText = string.Join("\n", activity?.Attachments?.SelectMany(a => CardText.Strings(a.Content)) ?? []);
            text = string.IsNullOrEmpty(text) ? cardText : text + "\n" + cardText;
        }
        if (string.IsNullOrWhiteSpace(text)) return null;
        string? locale = null;
        if (row.Json.Contains("\"locale\"", StringComparison.Ordinal))
        {
            // JsonDocument reads from pooled buffers; JsonNode built a dictionary of every property to read one.
            using var json = JsonDocument.Parse(row.Json);
            if (json.RootElement.TryGetProperty("locale", out var value) && value.ValueKind == JsonValueKind.String) locale = value.GetString();
        }
        var language = TranscriptAnalyzers.LanguageOf(locale ?? conversation.Locale, text);
        return new IndexedMessage(row.Id, conversation.Id, row.Sequence, row.TimestampUtc, row.Role, language, text);
    }
}
