using System.Text;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>
/// The latest activities of one conversation as UTF-8 JSON, back to back in one buffer that is reused as they come and go.
/// </summary>
/// <remarks>Why not a string per activity: under load each lived for a second or so, long enough to reach the GC's
/// oldest generation and die there (generation 2 after a gen1 collection: 42 MB, 29 MB with a window of one activity,
/// under the paced Direct Line stream benchmark, 2026-11-26).
/// One buffer per conversation stops growing once it holds a full window, so a busy conversation allocates nothing
/// here, and the JSON is already the bytes a response sends.</remarks>
internal sealed class RetainedActivities
{
    private const int InitialBytes = 1024;

    private byte[] _bytes = [];
    private int _used;
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public long SequenceAt(int index) => _entries[index].Sequence;

    /// <summary>The activity at <paramref name="index"/> as the database stores it.</summary>
    public StoredActivity StoredAt(int index) => new()
    {
        Sequence = _entries[index].Sequence, TimestampUtc = new DateTime(_entries[index].TimestampTicks, DateTimeKind.Utc),
        Json = Encoding.UTF8.GetString(JsonAt(index)),
    };

    public ReadOnlySpan<byte> JsonAt(int index)
    {
        var entry = _entries[index];
        return _bytes.AsSpan(entry.Offset, entry.Length);
    }

    public void Add(long sequence, DateTime timestampUtc, string json)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        EnsureRoom(length);
        Encoding.UTF8.GetBytes(json, _bytes.AsSpan(_used));
        _entries.Add(new Entry(sequence, timestampUtc.Ticks, _used, length));
        _used += length;
    }

    /// <summary>Forgets all but the newest <paramref name="keep"/> activities, moving their bytes to the front.</summary>
    public void KeepNewest(int keep)
    {
        var drop = _entries.Count - keep;
        if (drop <= 0) return;
        var cut = drop == _entries.Count ? _used : _entries[drop].Offset;
        _bytes.AsSpan(cut, _used - cut).CopyTo(_bytes);
        _used -= cut;
        _entries.RemoveRange(0, drop);
        for (var i = 0; i < _entries.Count; i++) _entries[i] = _entries[i] with { Offset = _entries[i].Offset - cut };
        // A window of a few large cards must not pin its high-water mark for the conversation's whole life.
        if (_bytes.Length > 4 * InitialBytes && _used < _bytes.Length / 4) Array.Resize(ref _bytes, Math.Max(InitialBytes, _used * 2));
    }

    /// <summary>The index of the first activity with a sequence above <paramref name="watermark"/> (Count if none).</summary>
    public int FirstAfter(long watermark)
    {
        int lo = 0, hi = _entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_entries[mid].Sequence <= watermark) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void EnsureRoom(int length)
    {
        if (_used + length <= _bytes.Length) return;
        var size = Math.Max(InitialBytes, _bytes.Length);
        while (size < _used + length) size *= 2;
        Array.Resize(ref _bytes, size);
    }

    private readonly record struct Entry(long Sequence, long TimestampTicks, int Offset, int Length);
}
