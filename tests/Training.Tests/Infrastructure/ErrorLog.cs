using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Training.Tests.Infrastructure;

/// <summary>
/// What the app logged at Error or above with an exception: an unhandled exception in a request
/// is logged here even when the answer a test reads looks harmless.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    public sealed record Entry(DateTimeOffset At, string Category, string Message, Exception Exception)
    {
        public override string ToString() => $"{Category}: {Message} — {Exception.GetType().Name}: {Exception.Message}";
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>The entries logged since <paramref name="since"/>.</summary>
    public IReadOnlyList<Entry> Since(DateTimeOffset since) => _entries.Where(e => e.At >= since).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error || exception is null) return;
            entries.Enqueue(new Entry(DateTimeOffset.UtcNow, category, formatter(state, exception), exception));
        }
    }
}
