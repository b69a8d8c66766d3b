using StackExchange.Redis;

namespace LiteAspire.Data.Spend.Queue;

/// <summary>Appending to the spend stream (<see cref="SpendStreamNames"/>).</summary>
public static class SpendStreamExtensions
{
    /// <summary>
    /// Appends <paramref name="payloads"/> (each a <see cref="SpendEventJson"/> document) as ONE stream entry, one
    /// <see cref="SpendStreamNames.Field"/> pair per event: a single command however many events a batch holds, and the batch
    /// is either all on the stream or (the command failed) not at all.
    /// </summary>
    /// <exception cref="RedisException">Redis did not take the entry (the caller keeps the events elsewhere).</exception>
    /// <exception cref="TimeoutException">No answer in time: the entry may or may not be there (a redelivery is harmless).</exception>
    public static Task AppendSpendEventsAsync(this IDatabase redis, IReadOnlyList<byte[]> payloads)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(payloads);
        var pairs = new NameValueEntry[payloads.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new NameValueEntry(SpendStreamNames.Field, payloads[i]);
        }

        return redis.StreamAddAsync(SpendStreamNames.Key, pairs);
    }
}
