using System.Text;

namespace LiteAspire.EndToEnd.Tests;

/// <summary>One row of the AppHost's printed resource table.</summary>
internal sealed record ResourceRow(string Name, string State, List<int> Pids);

/// <summary>Reads the AppHost's console and keeps the latest resource table it printed.</summary>
internal sealed class ResourceTableReader
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _transcript = new();
    private Dictionary<string, ResourceRow> _latest = [];
    private Dictionary<string, ResourceRow>? _reading;
    private ResourceRow? _lastRow;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Transcript
    {
        get { lock (_gate) { return _transcript.ToString(); } }
    }

    public Dictionary<string, ResourceRow> Latest
    {
        get { lock (_gate) { return _latest; } }
    }

    public void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _transcript.AppendLine(line);
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells is ["NAME", "TYPE", "STATE", "URL", "PID"])
            {
                _reading = [];
                return;
            }

            if (_reading is null)
            {
                return;
            }

            if (cells.Length == 0)
            {
                _latest = _reading;
                _reading = null;
                var changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                changed.SetResult();
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && _lastRow is not null)
            {
                // A further replica of the row above: only URL and PID.
                _lastRow.Pids.AddRange(cells.Where(c => int.TryParse(c, out _)).Select(int.Parse));
            }
            else
            {
                _lastRow = new ResourceRow(cells[0], cells[2], [.. cells.Skip(3).Where(c => int.TryParse(c, out _)).Select(int.Parse)]);
                _reading[_lastRow.Name] = _lastRow;
            }
        }
    }

    public async Task<Dictionary<string, ResourceRow>> WaitForAsync(Func<Dictionary<string, ResourceRow>, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_latest))
                {
                    return _latest;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancel.Token);
        }
    }
}
