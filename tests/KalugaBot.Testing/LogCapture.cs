using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Testing;

/// <summary>Keeps every log line (message, structured values, exception text) so tests can assert that no personal data is logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public string AllText => string.Join('\n', Lines);

    /// <summary>The lines logged at <paramref name="level"/> or above.</summary>
    public IEnumerable<string> AtLeast(LogLevel level) =>
        Lines.Where(line => Enum.TryParse<LogLevel>(line[..line.IndexOf(' ')], out var logged) && logged >= level);

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
