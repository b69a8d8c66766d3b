namespace LiteAspire.FakeProvider.Faults;

/// <summary>The options of one fake server and its seeded fault draw (one per server, so in-process servers stay apart).</summary>
internal sealed class FakeRuntime(FakeProviderOptions options)
{
    private readonly Random _random = new(options.Seed);
    private readonly Lock _lock = new();

    public FakeProviderOptions Options { get; } = options;

    /// <summary>True when the seeded draw says this request fails; never draws when the rate is zero.</summary>
    public bool DrawFault()
    {
        if (Options.ErrorRate <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _random.NextDouble() < Options.ErrorRate;
        }
    }
}
