using System.Text;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>Writes each resource's log lines prefixed by its name, and the resource table whenever a state changes.</summary>
internal sealed class ConsoleReporter : IDisposable
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen];

    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLoggerService _logs;
    private readonly Dictionary<string, ConsoleColor> _colors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _console = new();
    private readonly Timer _tableTimer;
    private int _nameWidth = 8;

    public ConsoleReporter(ResourceNotificationService notifications, ResourceLoggerService logs)
    {
        _notifications = notifications;
        _logs = logs;
        _tableTimer = new Timer(_ => WriteTable());
        _notifications.Changed += OnChanged;
        _logs.LineWritten += OnLine;
    }

    public void Dispose()
    {
        _notifications.Changed -= OnChanged;
        _logs.LineWritten -= OnLine;
        _tableTimer.Dispose();
    }

    /// <summary>Writes the table now.</summary>
    public void WriteTable()
    {
        var rows = _notifications.Snapshots.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var table = ResourceTable.Format(rows);
        lock (_console)
        {
            Console.WriteLine();
            Console.Write(table);
            Console.WriteLine();
        }
    }

    // Several changes arrive together at start and stop; one table a quarter second after the last is enough.
    private void OnChanged(ResourceSnapshot snapshot) => _tableTimer.Change(TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);

    private void OnLine(LogLine line)
    {
        lock (_console)
        {
            if (!_colors.TryGetValue(line.Resource, out var color))
            {
                color = Palette[_colors.Count % Palette.Length];
                _colors[line.Resource] = color;
                _nameWidth = Math.Max(_nameWidth, line.Resource.Length);
            }

            Console.ForegroundColor = color;
            Console.Write(line.Resource.PadRight(_nameWidth));
            Console.Write(" | ");
            Console.ResetColor();
            Console.WriteLine(line.Text);
        }
    }
}

/// <summary>Formats resource snapshots as an aligned text table.</summary>
public static class ResourceTable
{
    private static readonly string[] Header = ["NAME", "TYPE", "STATE", "URL", "PID"];

    /// <summary>Columns: name, type, state, URL, pid; replicas get one line each.</summary>
    public static string Format(IEnumerable<ResourceSnapshot> snapshots)
    {
        var rows = new List<string[]> { Header };
        foreach (var s in snapshots)
        {
            var lines = Math.Max(1, Math.Max(s.Urls.Count, s.ProcessIds.Count));
            for (var i = 0; i < lines; i++)
            {
                var state = s.State.ToString() + (s.Message is null || i > 0 ? "" : $" ({s.Message})");
                rows.Add(
                [
                    i == 0 ? s.Name : "",
                    i == 0 ? s.Type : "",
                    i == 0 ? state : "",
                    i < s.Urls.Count ? s.Urls[i] : "",
                    i < s.ProcessIds.Count ? s.ProcessIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                ]);
            }
        }

        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => c == 2 ? Math.Min(r[c].Length, 60) : r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(' ').Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c])).Append(' ');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
