using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Tests.Limits;

public class InMemoryRateLimiterTests : RateLimiterBehaviourTests
{
    /// <summary>In one process every "replica" is the same limiter.</summary>
    protected override IReadOnlyList<IRateLimiter> CreateReplicas(int count, RateLimitOptions options)
    {
        var limiter = new InMemoryRateLimiter(options, Time);
        return Enumerable.Repeat<IRateLimiter>(limiter, count).ToList();
    }

    [Fact]
    public async Task Acquire_AWindowAfterOthersEnded_SweepsIdleCountersButKeepsThoseInFlight()
    {
        var limiter = new InMemoryRateLimiter(new RateLimitOptions(), Time);
        for (var i = 0; i < 50; i++)
        {
            await (await limiter.AcquireAsync([Descriptor(RateLimitKinds.EndUser, rpm: 10)], CancellationToken.None)).CompleteAsync(0);
        }

        var inFlightKey = Descriptor(RateLimitKinds.ApiKey, maxParallel: 1);
        var inFlight = await limiter.AcquireAsync([inFlightKey], CancellationToken.None);
        Assert.Equal(51, limiter.CounterCount);

        Time.Advance(TimeSpan.FromSeconds(61));
        await limiter.AcquireAsync([Descriptor(RateLimitKinds.User, rpm: 10)], CancellationToken.None);

        Assert.Equal(2, limiter.CounterCount);
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await limiter.AcquireAsync([inFlightKey], CancellationToken.None));
        await inFlight.CompleteAsync(0);
        await limiter.AcquireAsync([inFlightKey], CancellationToken.None);
    }
}
