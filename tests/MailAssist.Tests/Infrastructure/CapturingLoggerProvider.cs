using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailAssist.Tests.Infrastructure;

/// <summary>Keeps every log entry the API writes, at every level, with its exception, for a test to inspect.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception?.ToString()));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, string? Exception)
{
    public string Text => Exception is null ? Message : $"{Message}\n{Exception}";
}
