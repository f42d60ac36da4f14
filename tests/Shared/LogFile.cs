using Microsoft.Extensions.Logging;

namespace Training.Tests.Shared;

/// <summary>
/// Issue 16 §6: every line the portal logs during the test run (Information and above, with exceptions), written to
/// a file of its own per host under <c>TRAINING_LOG_FOLDER</c> when test.sh sets it, so that the log scan at the
/// end of the run (<c>LogScanTests</c>) reads what the whole run logged — unit, HTTP and browser tests alike.
/// </summary>
public sealed class LogFile : ILoggerProvider
{
    public const string FolderVariable = "TRAINING_LOG_FOLDER";

    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    private LogFile(string path) => _writer = new StreamWriter(path, append: true) { AutoFlush = true };

    /// <summary>A provider for one host, or null when no folder is set (a developer's run).</summary>
    public static LogFile? ForHost(string name)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrWhiteSpace(folder)) return null;
        Directory.CreateDirectory(folder);
        return new LogFile(Path.Combine(folder, $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}.log"));
    }

    /// <summary>
    /// Adds the file for <paramref name="host"/> when the folder is set, with the levels production logs at
    /// (appsettings.json: Information, the framework's request lines, SQL commands and Hangfire at Warning) whatever
    /// the test host's console is set to: the scan reads what the portal would log.
    /// </summary>
    public static void AddTo(ILoggingBuilder logging, string host)
    {
        if (ForHost(host) is not { } file) return;
        logging.AddProvider(file);
        logging.AddFilter<LogFile>(null, LogLevel.Information);
        foreach (var quiet in new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Hangfire", "System.Net.Http" })
            logging.AddFilter<LogFile>(quiet, LogLevel.Warning);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (_lock) _writer.Dispose();
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            try { _writer.WriteLine(line); }
            catch (ObjectDisposedException) { /* a straggling background job after the host stopped */ }
        }
    }

    private sealed class Logger(LogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            file.Write($"{DateTimeOffset.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
