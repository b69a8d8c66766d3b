namespace LiteAspire.Data.Spend.Queue;

/// <summary>How a spend writer reads the stream (configuration section <c>Spend</c>).</summary>
public sealed class SpendConsumerOptions
{
    /// <summary>Stream entries per read, and so per database transaction, at most (an entry holds one to 512 events).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How long the reader waits when the stream is empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An entry read by a consumer but not acknowledged for this long is taken over (its consumer died).</summary>
    public TimeSpan ClaimIdle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often abandoned entries are looked for.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This consumer's name in the group: unique per process.</summary>
    public string ConsumerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
