using System.Threading.Channels;

using LiteAspire.Data.Spend;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Takes each finished request's <see cref="SpendEvent"/> off the hot path: a bounded in-process queue that
/// <see cref="SpendFlushService"/> writes to the database in batches. A full queue drops the oldest event and counts it.
/// </summary>
public sealed class SpendRecorder
{
    /// <summary>How many events wait at most before the oldest are dropped.</summary>
    public const int Capacity = 100_000;

    private readonly Channel<SpendEvent> _queue;
    private long _dropped;

    private readonly bool _enabled;

    /// <summary>Creates the queue; <paramref name="enabled"/> is false when there is no database to write to (events are not kept).</summary>
    public SpendRecorder(bool enabled)
    {
        _enabled = enabled;
        _queue = Channel.CreateBounded<SpendEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues <paramref name="spendEvent"/>; never blocks.</summary>
    public void Record(SpendEvent spendEvent)
    {
        if (_enabled)
        {
            _queue.Writer.TryWrite(spendEvent);
        }
    }

    /// <summary>The queue's reading side, for the flusher.</summary>
    internal ChannelReader<SpendEvent> Reader => _queue.Reader;
}
