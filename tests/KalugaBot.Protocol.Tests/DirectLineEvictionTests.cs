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
    private static readonly DirectLineOptions Options = new() { IdleEviction = TimeSpan.FromMinutes(20) };

    [Fact]
    public void A_late_reply_to_an_evicted_log_lands_once_in_the_conversations_history()
    {
        using var folder = new TestFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z"));
        var ids = new List<string?>();
        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, Microsoft.Extensions.Options.Options.Create(Options), clock))
        {
            Assert.True(store.Start("c1", "u1", "de-DE", out var held));
            for (var i = 1; i <= 3; i++) ids.Add(store.Append(held, Message($"turn {i}")));

            clock.Advance(Options.IdleEviction + TimeSpan.FromMinutes(1)); // the sweep lets the idle log go
            var current = store.Find("c1");
            Assert.NotNull(current);
            Assert.NotSame(held, current);

            ids.Add(store.Append(held, Message("late reply"))); // a turn that found the log before it was let go
            ids.Add(store.Append(current!, Message("next question")));
            Assert.Same(current, store.Find("c1"));
        }

        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003", "c1|0000004", "c1|0000005"], ids);
        using (var db = Open(folder))
        using (var store = new DirectLineStore(db, Microsoft.Extensions.Options.Options.Create(Options), clock))
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
        using var store = new DirectLineStore(db, Microsoft.Extensions.Options.Options.Create(Options), clock);
        store.Start("c1", "u1", null, out var log);

        for (var minute = 0; minute < 60; minute += 5)
        {
            store.Append(log, Message($"minute {minute}"));
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Same(log, store.Find("c1"));
        }
        clock.Advance(Options.IdleEviction);
        Assert.NotSame(log, store.Find("c1"));
    }

    private static LiteDbContext Open(TestFolder folder) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataFolder = folder.Path }));

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount("u1") };
}
