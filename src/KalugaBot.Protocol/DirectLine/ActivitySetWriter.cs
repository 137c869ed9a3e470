using System.Buffers;
using System.Globalization;
using System.Text;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Writes a Direct Line ActivitySet (<c>{"activities":[…],"watermark":"n"}</c>) as UTF-8 from activity JSON
/// that is already serialized, without building it as a string first.</summary>
internal ref struct ActivitySetWriter(IBufferWriter<byte> output, long watermark)
{
    private bool _any;

    /// <summary>The watermark the set ends at: the last activity written, or the one it started from.</summary>
    public long Reached { get; private set; } = Math.Max(watermark, 0);

    public void Add(long sequence, ReadOnlySpan<byte> json)
    {
        Next(sequence);
        output.Write(json);
    }

    public void Add(long sequence, string json)
    {
        Next(sequence);
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(json.Length));
        output.Advance(Encoding.UTF8.GetBytes(json, span));
    }

    // Opens the set before the first activity, separates the others.
    private void Next(long sequence)
    {
        output.Write(_any ? ","u8 : "{\"activities\":["u8);
        _any = true;
        Reached = sequence;
    }

    /// <summary>Closes the set; the watermark is always a non-empty string, as Web Chat ignores falsy values.</summary>
    public long Finish()
    {
        output.Write(_any ? "],\"watermark\":\""u8 : "{\"activities\":[],\"watermark\":\""u8);
        var span = output.GetSpan(20);
        Reached.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
        output.Write("\"}"u8);
        return Reached;
    }
}
