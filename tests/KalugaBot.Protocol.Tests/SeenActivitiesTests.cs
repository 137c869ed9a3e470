using KalugaBot.Protocol.Channels;

namespace KalugaBot.Protocol.Tests;

/// <summary>The retried-activity memory: exact per channel, conversation and id; bounded in time and count.</summary>
public sealed class SeenActivitiesTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void An_id_is_new_once_per_channel_and_conversation()
    {
        var seen = new SeenActivities(new ManualClock());
        Assert.False(seen.SeenBefore("msteams", "a", "1"));
        Assert.True(seen.SeenBefore("msteams", "a", "1"));
        Assert.False(seen.SeenBefore("msteams", "b", "1"));
        Assert.False(seen.SeenBefore("webchat", "a", "1"));
        // the parts are kept apart: moving a separator between them is another activity
        Assert.False(seen.SeenBefore("msteams", "a|1", ""));
        Assert.False(seen.SeenBefore("msteams|a", "1", ""));
    }

    [Fact]
    public void A_retry_within_four_minutes_is_recognised_and_one_after_the_window_is_not()
    {
        var clock = new ManualClock();
        var seen = new SeenActivities(clock);
        seen.SeenBefore("directline", "c", "42");
        for (var minute = 1; minute <= 4; minute++)
        {
            clock.Now = clock.Now.AddMinutes(1);
            seen.SeenBefore("directline", "c", $"other-{minute}"); // traffic that rotates generations
            Assert.True(seen.SeenBefore("directline", "c", "42"), $"forgotten after {minute} min");
        }
        clock.Now = clock.Now.AddMinutes(2);
        Assert.False(seen.SeenBefore("directline", "c", "42"));
    }

    [Fact]
    public void Sustained_traffic_keeps_the_count_bounded_and_the_newest_ids_remembered()
    {
        var seen = new SeenActivities(new ManualClock());
        for (var i = 0; i < 3 * SeenActivities.MaxRemembered; i++)
            Assert.False(seen.SeenBefore("bench", "load", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.InRange(seen.Count, 1, SeenActivities.MaxRemembered);
        for (var i = 3 * SeenActivities.MaxRemembered - 1000; i < 3 * SeenActivities.MaxRemembered; i++)
            Assert.True(seen.SeenBefore("bench", "load", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
