using System.Buffers;
using System.Text.Json;
using KalugaBot.Protocol.DirectLine;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalugaBot.Protocol.Tests;

/// <summary>Idle Direct Line conversations leave memory on the store's clock; a turn that still holds the old log must
/// not fork the conversation's history (real LiteDB file, fake clock).</summary>
public sealed class DirectLineEvictionTests
{
    private static readonly DirectLineOptions Idle20Minutes = new() { IdleEviction = TimeSpan.FromMinutes(20) };

    [Fact]
    public void A_late_reply_to_an_evicted_log_lands_once_in_the_conversations_history()
    {
        using var folder = new TestFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z"));
        var ids = new List<string?>();
        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, Options.Create(Idle20Minutes), clock))
        {
            Assert.True(store.Start("c1", "u1", "de-DE", out var held));
            for (var i = 1; i <= 3; i++) ids.Add(store.Append(held, Message($"turn {i}")));

            clock.Advance(Idle20Minutes.IdleEviction + TimeSpan.FromMinutes(1)); // the sweep lets the idle log go
            var current = store.Find("c1");
            Assert.NotNull(current);
            Assert.NotSame(held, current);

            ids.Add(store.Append(held, Message("late reply"))); // a turn that found the log before it was let go
            ids.Add(store.Append(current!, Message("next question")));
            Assert.Same(current, store.Find("c1"));
        }

        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003", "c1|0000004", "c1|0000005"], ids);
        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, Options.Create(Idle20Minutes), clock))
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Equal(5, store.WriteActivitySetAfter(store.Find("c1")!, 0, 100, output));
            using var set = JsonDocument.Parse(output.WrittenMemory);
            var texts = set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString());
            Assert.Equal(["turn 1", "turn 2", "turn 3", "late reply", "next question"], texts);
        }
    }

    [Fact]
    public void A_conversation_keeps_its_log_while_it_is_used_and_loses_it_only_after_the_idle_time()
    {
        using var folder = new TestFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z"));
        using var db = Open(folder);
        using var store = new DirectLineStore(db, Options.Create(Idle20Minutes), clock);
        store.Start("c1", "u1", null, out var log);

        for (var minute = 0; minute < 60; minute += 5)
        {
            store.Append(log, Message($"minute {minute}"));
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Same(log, store.Find("c1"));
        }
        clock.Advance(Idle20Minutes.IdleEviction);
        Assert.NotSame(log, store.Find("c1"));
    }

    [Fact]
    public void A_long_conversation_comes_back_with_its_newest_activities_and_its_whole_history_readable()
    {
        using var folder = new TestFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z"));
        var options = Options.Create(new DirectLineOptions { ActivitiesKeptInMemory = 4 });
        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, options, clock))
        {
            store.Start("c1", "u1", null, out var log);
            for (var i = 1; i <= 600; i++)
            {
                store.Append(log, Message($"turn {i}"));
                if (i % 7 == 0) clock.Advance(TimeSpan.FromSeconds(1)); // the sweep persists chunks of many sizes
            }
        }

        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, options, clock))
        {
            var log = store.Find("c1")!;
            Assert.Equal(600, log.LastSequence);
            Assert.True(log.TryWriteActivitySetAfter(596, 10, new ArrayBufferWriter<byte>(), out var reached));
            Assert.Equal(600, reached);
            Assert.False(log.TryWriteActivitySetAfter(0, 10, new ArrayBufferWriter<byte>(), out _)); // older ones stayed on disk

            var output = new ArrayBufferWriter<byte>();
            Assert.Equal(600, store.WriteActivitySetAfter(log, 0, 1000, output));
            using var set = JsonDocument.Parse(output.WrittenMemory);
            Assert.Equal(Enumerable.Range(1, 600).Select(i => $"turn {i}"),
                set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
            Assert.Equal("c1|0000601", store.Append(log, Message("after the restart")));
        }
    }

    private static LiteDbContext Open(TestFolder folder) =>
        new(Options.Create(new StorageOptions { DataFolder = folder.Path }));

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount("u1") };
}
