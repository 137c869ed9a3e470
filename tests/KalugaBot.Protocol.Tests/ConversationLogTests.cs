using System.Buffers;
using System.Text;
using System.Text.Json;
using KalugaBot.Protocol.DirectLine;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Tests;

/// <summary>The in-memory window of a Direct Line conversation: activities kept as UTF-8 in one reused buffer.</summary>
public sealed class ConversationLogTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 1)]
    [InlineData(3, 8)]
    [InlineData(4, 64)]
    public void Every_window_read_matches_what_was_recorded(int seed, int retain)
    {
        var random = new Random(seed);
        var persisted = new List<StoredActivityChunk>();
        var log = new ConversationLog("c1", "u1", "ru-RU", DateTime.UtcNow, retain, persisted.Add);
        var recorded = new List<(long Sequence, string Json)>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 400; i++)
        {
            // Sizes from a few bytes to far past the buffer's first size, and text that is 1 to 4 UTF-8 bytes a character.
            var text = string.Concat(Enumerable.Repeat(Pieces[random.Next(Pieces.Length)], random.Next(1, random.Next(2) == 0 ? 5 : 400)));
            recorded.Add(log.Append(new Activity { Type = ActivityTypes.Message, Text = text }, now)!.Value);
            if (random.Next(10) == 0) log.PersistPending();

            var watermark = random.Next(-1, recorded.Count + 1);
            var max = random.Next(1, 2 * retain + 2);
            var output = new ArrayBufferWriter<byte>();
            var inMemory = log.TryWriteActivitySetAfter(watermark, max, output, out var reached);

            var expected = recorded.Where(r => r.Sequence > watermark).Take(max).ToList();
            var oldestKept = recorded[^Math.Min(recorded.Count, KeptAtLeast(retain, recorded.Count))].Sequence;
            if (!inMemory)
            {
                Assert.Equal(0, output.WrittenCount);
                // Refused: the next activity the client asked for has left memory, so it was handed to persist before it went.
                Assert.Contains(persisted.SelectMany(c => c.All()), a => a.Sequence == Math.Max(watermark, 0) + 1);
                Assert.True(watermark < oldestKept - 1, $"watermark {watermark} is in memory (oldest kept {oldestKept}), yet was refused");
                continue;
            }
            using var set = JsonDocument.Parse(output.WrittenMemory);
            Assert.Equal(expected.Select(e => e.Json), set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetRawText()));
            var last = expected.Count > 0 ? expected[^1].Sequence : Math.Max(watermark, 0);
            Assert.Equal(last, reached);
            Assert.Equal(last.ToString(System.Globalization.CultureInfo.InvariantCulture), set.RootElement.GetProperty("watermark").GetString());
        }

        // Every activity persisted exactly once, in order, in chunks of a bounded size keyed by their last activity.
        log.PersistPending();
        Assert.Equal(recorded, persisted.SelectMany(c => c.All()).Select(a => (a.Sequence, a.Json)));
        Assert.All(persisted, c => Assert.True(c.All().Count() <= StoredActivityChunk.MaxActivities));
        Assert.All(persisted, c => Assert.Equal(ConversationLog.ActivityId("c1", c.All().Last().Sequence), c.Id));
    }

    [Fact]
    public void A_closed_log_persists_nothing_more_and_a_detached_one_persists_at_once_and_takes_nothing_more()
    {
        var closedChunks = new List<StoredActivityChunk>();
        var closed = new ConversationLog("c1", "u1", null, DateTime.UtcNow, 4, closedChunks.Add);
        closed.Append(new Activity { Type = ActivityTypes.Message, Text = "before" }, DateTimeOffset.UtcNow);
        closed.Close();
        for (var i = 0; i < 20; i++) closed.Append(new Activity { Type = ActivityTypes.Message, Text = "after " + i }, DateTimeOffset.UtcNow);
        closed.PersistPending();
        Assert.Empty(closedChunks);

        var detachedChunks = new List<StoredActivityChunk>();
        var detached = new ConversationLog("c2", "u1", null, DateTime.UtcNow, 4, detachedChunks.Add);
        detached.Append(new Activity { Type = ActivityTypes.Message, Text = "one" }, DateTimeOffset.UtcNow);
        detached.Detach();
        Assert.Equal([1L], detachedChunks.SelectMany(c => c.All()).Select(a => a.Sequence));
        var late = new Activity { Type = ActivityTypes.Message, Text = "late" };
        Assert.Null(detached.Append(late, DateTimeOffset.UtcNow));
        Assert.Null(late.Id);
        detached.PersistPending();
        Assert.Equal([1L], detachedChunks.SelectMany(c => c.All()).Select(a => a.Sequence));
    }

    [Fact]
    public void An_empty_log_answers_an_empty_set_with_the_watermark_it_was_asked_for()
    {
        var log = new ConversationLog("c1", "u1", null, DateTime.UtcNow);
        var output = new ArrayBufferWriter<byte>();

        Assert.True(log.TryWriteActivitySetAfter(5, 10, output, out var reached));

        Assert.Equal("{\"activities\":[],\"watermark\":\"5\"}", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(5, reached);
    }

    // The log keeps between retain and 2·retain activities (it trims in chunks).
    private static int KeptAtLeast(int retain, int count) => Math.Min(count, retain);

    private static readonly string[] Pieces = ["a", "Калуга ", "工业园 ", "🏭", "\"quoted\" \\ ", "\u0000\u001f", "é"];
}
