using System.Text;
using KalugaBot.Testing;

namespace KalugaBot.Handoff.Tests.Infrastructure;

public static class Privacy
{
    public static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    public static void AssertNoPersonalData(LogCapture logs, params string[] values)
    {
        var text = logs.AllText;
        Assert.NotEmpty(logs.Lines);
        foreach (var value in values)
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"The logs contain personal data: {value}");
    }

}
