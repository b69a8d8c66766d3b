namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Where spend events wait on disk while Redis cannot take them: JSON lines in segment files under one folder, each written
/// and synced before it counts as kept. A segment being written is held exclusively; a closed one — or one left by a process
/// that died — is replayed by whichever proxy gets it first and then deleted. Bounded: past <see cref="MaxBytes"/> new events
/// are refused (and counted), never silently overwritten.
/// </summary>
public sealed class SpendJournal : IDisposable
{
    private const string Pattern = "spend-*.jsonl";

    private readonly Lock _gate = new();
    private readonly string _directory;
    private FileStream? _current;
    private long _bytes;
    private long _refused;
    private int _sequence;

    /// <summary>Opens (creating it) the journal folder <paramref name="directory"/>, holding at most <paramref name="maxBytes"/>.</summary>
    public SpendJournal(string directory, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        MaxBytes = maxBytes;
        Directory.CreateDirectory(directory);
        _bytes = Directory.EnumerateFiles(directory, Pattern).Sum(f => new FileInfo(f).Length);
    }

    /// <summary>The most the folder may hold.</summary>
    public long MaxBytes { get; }

    /// <summary>Bytes of events waiting in the journal.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Events refused because the journal was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>True when segments are waiting (the one being written included).</summary>
    public bool HasEvents => Bytes > 0;

    /// <summary>Writes <paramref name="payloads"/> (one JSON document each, no newlines) and syncs them to disk.</summary>
    public void Append(IEnumerable<byte[]> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        lock (_gate)
        {
            foreach (var payload in payloads)
            {
                if (Bytes + payload.Length + 1 > MaxBytes)
                {
                    Interlocked.Increment(ref _refused);
                    continue;
                }

                _current ??= OpenSegment();
                _current.Write(payload);
                _current.WriteByte((byte)'\n');
                Interlocked.Add(ref _bytes, payload.Length + 1);
            }

            _current?.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Sends every closed segment through <paramref name="send"/> in chunks of <paramref name="chunk"/>, deleting a segment once
    /// all of it was sent; stops at the first chunk that is refused (false) or throws — the segment stays for the next try, and
    /// chunks already sent are sent again then (the spend writer skips what it has logged). Closes the segment being written first.
    /// </summary>
    /// <returns>How many events were sent.</returns>
    public async Task<int> ReplayAsync(Func<IReadOnlyList<byte[]>, Task<bool>> send, int chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }

        var sent = 0;
        foreach (var path in Directory.EnumerateFiles(_directory, Pattern).Order(StringComparer.Ordinal).ToList())
        {
            FileStream segment;
            try
            {
                // Exclusive: not a segment another process is writing or replaying.
                segment = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue;
            }

            using (segment)
            {
                var length = segment.Length;
                var lines = ReadLines(segment);
                for (var start = 0; start < lines.Count; start += chunk)
                {
                    var part = lines.GetRange(start, Math.Min(chunk, lines.Count - start));
                    if (!await send(part).ConfigureAwait(false))
                    {
                        return sent;
                    }

                    sent += part.Count;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                File.Delete(path);
                Interlocked.Add(ref _bytes, -length);
            }
        }

        return sent;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    // A line cut short by a crash mid-write is not JSON; the reader of the stream sets it aside.
    private static List<byte[]> ReadLines(FileStream segment)
    {
        var lines = new List<byte[]>();
        using var reader = new StreamReader(segment, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(System.Text.Encoding.UTF8.GetBytes(line));
            }
        }

        return lines;
    }

    private FileStream OpenSegment()
    {
        var name = $"spend-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}-{++_sequence:D6}.jsonl";
        return new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }
}
