namespace LiteAspire.FakeProvider;

/// <summary>Global knobs, read from the <c>FakeProvider</c> configuration section (e.g. <c>FakeProvider__LatencyMs=50</c>).</summary>
public sealed class FakeProviderOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "FakeProvider";

    /// <summary>Delay before any answer, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Delay before the first streamed content event, in milliseconds.</summary>
    public int TtftMs { get; set; }

    /// <summary>Delay between streamed content events, in milliseconds.</summary>
    public int ChunkDelayMs { get; set; }

    /// <summary>Share of requests (0 to 1) answered with <see cref="ErrorStatus"/> instead of a reply.</summary>
    public double ErrorRate { get; set; }

    /// <summary>The status of the random faults drawn by <see cref="ErrorRate"/>.</summary>
    public int ErrorStatus { get; set; } = 500;

    /// <summary>
    /// The model's context window in prompt tokens (0: unlimited). A longer OpenAI-shaped chat prompt gets OpenAI's 400
    /// <c>context_length_exceeded</c>, so a gateway's context-window fallbacks can be tested.
    /// </summary>
    public int ContextWindowTokens { get; set; }

    /// <summary>Seed of the fault draw, so a run with the same seed fails the same requests in order.</summary>
    public int Seed { get; set; } = 42;
}
