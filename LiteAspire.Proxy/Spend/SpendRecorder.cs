using System.Threading.Channels;

using LiteAspire.Data.Spend;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Takes each finished request's <see cref="SpendEvent"/> off the hot path: a bounded in-process queue drained by the spend
/// stream shipper (with Redis) or by <see cref="SpendFlushService"/> (database only). When the queue is full the event goes to
/// the overflow (the disk journal, with Redis) or, with nowhere to go, is dropped and counted.
/// </summary>
public sealed class SpendRecorder
{
    /// <summary>How many events wait in memory at most.</summary>
    public const int Capacity = 100_000;

    private readonly Channel<SpendEvent> _queue;
    private readonly bool _enabled;
    private long _dropped;

    /// <summary>Creates the queue; <paramref name="enabled"/> is false when spend has nowhere to go (no database): events are not kept.</summary>
    public SpendRecorder(bool enabled)
    {
        _enabled = enabled;
        _queue = Channel.CreateBounded<SpendEvent>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>Events dropped because the queue was full and there was no overflow.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Takes events the full queue cannot: set by the drain that has somewhere durable to put them.</summary>
    internal Action<SpendEvent>? Overflow { get; set; }

    /// <summary>Queues <paramref name="spendEvent"/>; never blocks.</summary>
    public void Record(SpendEvent spendEvent)
    {
        if (!_enabled || _queue.Writer.TryWrite(spendEvent))
        {
            return;
        }

        if (Overflow is { } overflow)
        {
            overflow(spendEvent);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The queue's reading side, for the drain.</summary>
    internal ChannelReader<SpendEvent> Reader => _queue.Reader;
}
