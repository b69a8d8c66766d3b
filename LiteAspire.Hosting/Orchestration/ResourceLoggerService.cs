using System.Collections.Concurrent;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>One line a resource wrote, or the orchestrator wrote about it.</summary>
/// <param name="Resource">The resource's name.</param>
/// <param name="Text">The line.</param>
/// <param name="IsError">True for stderr and orchestrator errors.</param>
public readonly record struct LogLine(string Resource, string Text, bool IsError);

/// <summary>Keeps the recent log lines of every resource and passes each on as it arrives.</summary>
public sealed class ResourceLoggerService
{
    private const int LinesKeptPerResource = 2000;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<LogLine>> _lines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised for every line.</summary>
    public event Action<LogLine>? LineWritten;

    /// <summary>The recent lines of one resource.</summary>
    public IReadOnlyList<LogLine> GetLines(string resource) =>
        _lines.TryGetValue(resource, out var queue) ? [.. queue] : [];

    /// <summary>Records a line.</summary>
    public void Write(string resource, string text, bool isError = false)
    {
        var line = new LogLine(resource, text, isError);
        var queue = _lines.GetOrAdd(resource, _ => new ConcurrentQueue<LogLine>());
        queue.Enqueue(line);
        while (queue.Count > LinesKeptPerResource && queue.TryDequeue(out _))
        {
        }

        LineWritten?.Invoke(line);
    }
}
