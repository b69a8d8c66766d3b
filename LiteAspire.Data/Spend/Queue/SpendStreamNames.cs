namespace LiteAspire.Data.Spend.Queue;

/// <summary>
/// The durable spend queue: a Redis Stream the Proxy appends its recorded events to — one entry per shipped batch, one
/// <see cref="Field"/> pair (the event's JSON) per request — and the spend writers read as the consumer group
/// <see cref="Group"/>. An entry leaves the stream only after its events have committed to the database.
/// </summary>
public static class SpendStreamNames
{
    /// <summary>The stream's key.</summary>
    public const string Key = "liteaspire:spend:events";

    /// <summary>The consumer group of the spend writers (Worker replicas, or the Proxy when it writes spend itself).</summary>
    public const string Group = "spend-writers";

    /// <summary>Where entries that are not spend events are moved (with the reason), rather than being retried forever.</summary>
    public const string DeadLetterKey = "liteaspire:spend:dead";

    /// <summary>The entry field holding an event's JSON (repeated once per event of the entry).</summary>
    public const string Field = "e";
}
