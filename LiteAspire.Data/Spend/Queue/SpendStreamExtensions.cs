using StackExchange.Redis;

namespace LiteAspire.Data.Spend.Queue;

/// <summary>Appending to the spend stream (<see cref="SpendStreamNames"/>).</summary>
public static class SpendStreamExtensions
{
    /// <summary>
    /// Appends <paramref name="payloads"/> (each a <see cref="SpendEventJson"/> document), pipelined in one round trip, and
    /// returns which were acknowledged by Redis: an index is false when its XADD failed, so the caller can keep that one.
    /// </summary>
    public static async Task<bool[]> AppendSpendEventsAsync(this IDatabase redis, IReadOnlyList<byte[]> payloads)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(payloads);
        var sends = new Task[payloads.Count];
        for (var i = 0; i < payloads.Count; i++)
        {
            sends[i] = redis.StreamAddAsync(SpendStreamNames.Key, SpendStreamNames.Field, payloads[i]);
        }

        var acknowledged = new bool[payloads.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            try
            {
                await sends[i].ConfigureAwait(false);
                acknowledged[i] = true;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                acknowledged[i] = false;
            }
        }

        return acknowledged;
    }
}
