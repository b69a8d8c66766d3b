using System.Runtime.CompilerServices;
using System.Text;

namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>One server-sent event: its <c>event:</c> name (null when absent) and its <c>data:</c> lines joined by newlines.</summary>
/// <param name="Event">The event name.</param>
/// <param name="Data">The data.</param>
public readonly record struct SseEvent(string? Event, string Data);

/// <summary>Reads server-sent events as they arrive (text/event-stream, per the WHATWG spec), never buffering the whole stream.</summary>
public static class SseReader
{
    /// <summary>Yields each event once its blank line arrives; comments (<c>:</c>) and <c>id:</c>/<c>retry:</c> are skipped.</summary>
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        string? eventName = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new SseEvent(eventName, data.ToString());
                }

                eventName = null;
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.Length > 0 && value[0] == ' ')
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
            }
        }

        if (hasData)
        {
            yield return new SseEvent(eventName, data.ToString());
        }
    }
}
