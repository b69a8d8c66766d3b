using LiteAspire.Proxy.Limits;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace LiteAspire.Proxy.Tests.Limits;

/// <summary>What every limiter must do; each implementation runs these against its own store.</summary>
public abstract class RateLimiterBehaviourTests
{
    protected static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Limiters sharing one count, as proxy replicas do (for Redis: each with its own connection).</summary>
    protected abstract IReadOnlyList<IRateLimiter> CreateReplicas(int count, RateLimitOptions options);

    private IRateLimiter CreateLimiter() => CreateReplicas(1, new RateLimitOptions())[0];

    /// <summary>A descriptor no other test uses, so tests can share one Redis.</summary>
    protected static RateLimitDescriptor Descriptor(string kind, long? rpm = null, long? tpm = null, long? maxParallel = null) =>
        new(kind, $"{kind}-{Guid.NewGuid():N}", rpm, tpm, maxParallel);

    private static async Task<RateLimitExceededException> RefusedAsync(IRateLimiter limiter, params RateLimitDescriptor[] descriptors) =>
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await limiter.AcquireAsync(descriptors, CancellationToken.None));

    [Fact]
    public async Task Acquire_200ConcurrentOnTwoReplicas_AdmitsExactlyTheRpmLimit()
    {
        var replicas = CreateReplicas(2, new RateLimitOptions());
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 37);

        var admitted = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            try
            {
                await replicas[i % 2].AcquireAsync([key], CancellationToken.None);
                return true;
            }
            catch (RateLimitExceededException)
            {
                return false;
            }
        })));

        Assert.Equal(37, admitted.Count(a => a));
    }

    [Fact]
    public async Task Acquire_OverRpm_RefusedUntilTheWindowEnds()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 3);
        for (var i = 0; i < 3; i++)
        {
            await limiter.AcquireAsync([key], CancellationToken.None);
        }

        Assert.Equal(RateLimitType.Requests, (await RefusedAsync(limiter, key)).LimitType);
        Time.Advance(TimeSpan.FromSeconds(59.9));
        await RefusedAsync(limiter, key);
        Time.Advance(TimeSpan.FromSeconds(0.1));

        var lease = await limiter.AcquireAsync([key], CancellationToken.None);
        Assert.Equal(1, lease.Usages[0].Requests);
        Assert.Equal(Start.AddSeconds(120), lease.Usages[0].ResetsAt);
    }

    [Fact]
    public async Task Acquire_WindowSizeOption_ResetsAfterThatWindow()
    {
        var limiter = CreateReplicas(1, new RateLimitOptions { Window = TimeSpan.FromSeconds(10) })[0];
        var key = Descriptor(RateLimitKinds.User, rpm: 1);
        await limiter.AcquireAsync([key], CancellationToken.None);
        await RefusedAsync(limiter, key);

        Time.Advance(TimeSpan.FromSeconds(10));

        await limiter.AcquireAsync([key], CancellationToken.None);
    }

    [Fact]
    public async Task Complete_TokensReachTpm_NextAcquireRefusedForTokens()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, tpm: 100);
        await (await limiter.AcquireAsync([key], CancellationToken.None)).CompleteAsync(60);
        var second = await limiter.AcquireAsync([key], CancellationToken.None);
        Assert.Equal(60, second.Usages[0].Tokens);
        Assert.Equal(40, second.Usages[0].RemainingTokens);

        await second.CompleteAsync(45);

        var refusal = await RefusedAsync(limiter, key);
        Assert.Equal(RateLimitType.Tokens, refusal.LimitType);
        Assert.Contains("Limit type: tokens. Current limit: 100, Remaining: 0.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AfterTheWindowEnded_TokensStartTheNextWindow()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.EndUser, tpm: 400);
        var lease = await limiter.AcquireAsync([key], CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(70));

        await lease.CompleteAsync(500);

        var refusal = await RefusedAsync(limiter, key);
        Assert.Equal(RateLimitType.Tokens, refusal.LimitType);
        Assert.Equal(Start.AddSeconds(130), refusal.ResetsAt);
        Time.Advance(TimeSpan.FromSeconds(60));
        await limiter.AcquireAsync([key], CancellationToken.None);
    }

    [Fact]
    public async Task Acquire_MaxParallelHeld_RefusedUntilOneCompletes()
    {
        var replicas = CreateReplicas(2, new RateLimitOptions());
        var key = Descriptor(RateLimitKinds.ApiKey, maxParallel: 3);
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 3; i++)
        {
            leases.Add(await replicas[i % 2].AcquireAsync([key], CancellationToken.None));
        }

        var refusal = await RefusedAsync(replicas[1], key);
        Assert.Equal(RateLimitType.MaxParallelRequests, refusal.LimitType);

        await leases[0].CompleteAsync(0);

        var admitted = await replicas[1].AcquireAsync([key], CancellationToken.None);
        Assert.Equal(3, admitted.Usages[0].Parallel);
        Assert.Equal(0, admitted.Usages[0].RemainingParallel);
    }

    [Fact]
    public async Task Dispose_WithoutComplete_FreesTheParallelSlot()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, maxParallel: 1);
        await using (await limiter.AcquireAsync([key], CancellationToken.None))
        {
            await RefusedAsync(limiter, key);
        }

        await limiter.AcquireAsync([key], CancellationToken.None);
    }

    [Fact]
    public async Task Complete_CalledTwiceThenDisposed_FreesOneSlotAndCountsTokensOnce()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, tpm: 1000, maxParallel: 2);
        var first = await limiter.AcquireAsync([key], CancellationToken.None);
        await limiter.AcquireAsync([key], CancellationToken.None);

        await first.CompleteAsync(10);
        await first.CompleteAsync(10);
        await first.DisposeAsync();

        var third = await limiter.AcquireAsync([key], CancellationToken.None);
        Assert.Equal(10, third.Usages[0].Tokens);
        await RefusedAsync(limiter, key);
    }

    [Fact]
    public async Task Acquire_RefusedByTeam_CountsNothingAgainstTheKey()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 10, maxParallel: 5);
        var team = Descriptor(RateLimitKinds.Team, rpm: 1);
        await limiter.AcquireAsync([key, team], CancellationToken.None);

        var refusal = await RefusedAsync(limiter, key, team);

        Assert.Equal(team, refusal.Descriptor);
        var keyOnly = await limiter.AcquireAsync([key], CancellationToken.None);
        Assert.Equal(2, keyOnly.Usages[0].Requests);
        Assert.Equal(2, keyOnly.Usages[0].Parallel);
    }

    [Fact]
    public async Task Acquire_SeveralDescriptorsOverLimit_NamesTheFirstInOrder()
    {
        var limiter = CreateLimiter();
        var user = Descriptor(RateLimitKinds.User, rpm: 1);
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 1);
        await limiter.AcquireAsync([user, key], CancellationToken.None);

        Assert.Equal(key, (await RefusedAsync(limiter, key, user)).Descriptor);
        Assert.Equal(user, (await RefusedAsync(limiter, user, key)).Descriptor);
    }

    [Fact]
    public async Task Refusal_Requests_LiteLLMMessageAndRetryAfterToTheWindowEnd()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 1);
        await limiter.AcquireAsync([key], CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(20.5));

        var refusal = await RefusedAsync(limiter, key);

        Assert.Equal(
            $"Rate limit exceeded for api_key: {key.Value}. Limit type: requests. Current limit: 1, Remaining: 0. Limit resets at: 2025-06-01 12:01:00 UTC",
            refusal.Message);
        Assert.Equal(StatusCodes.Status429TooManyRequests, refusal.StatusCode);
        Assert.Equal("rate_limit_error", refusal.ErrorType);
        Assert.Equal(40, refusal.RetryAfterSeconds);
        Assert.Equal(
            [new("retry-after", "40"), new("rate_limit_type", "requests"), new("reset_at", "2025-06-01 12:01:00 UTC")],
            refusal.ResponseHeaders.ToList());
    }

    [Fact]
    public async Task Refusal_MaxParallel_SuggestsRetryInOneSecond()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, maxParallel: 0);

        var refusal = await RefusedAsync(limiter, key);

        Assert.Equal(1, refusal.RetryAfterSeconds);
        Assert.EndsWith("Limit type: max_parallel_requests. Current limit: 0, Remaining: 0. Limit resets at: 2025-06-01 12:00:01 UTC",
            refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lease_Headers_PerDescriptorAndFromTheMostRestrictive()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 10, tpm: 1000, maxParallel: 4);
        var team = Descriptor(RateLimitKinds.Team, rpm: 5, tpm: 2000);
        await (await limiter.AcquireAsync([key, team], CancellationToken.None)).CompleteAsync(300);
        Time.Advance(TimeSpan.FromSeconds(15));

        var lease = await limiter.AcquireAsync([key, team], CancellationToken.None);
        var headers = new HeaderDictionary();
        lease.AddHeaders(headers);

        var expected = new Dictionary<string, string>
        {
            ["x-ratelimit-api_key-remaining-requests"] = "8",
            ["x-ratelimit-api_key-limit-requests"] = "10",
            ["x-ratelimit-api_key-remaining-tokens"] = "700",
            ["x-ratelimit-api_key-limit-tokens"] = "1000",
            ["x-ratelimit-api_key-remaining-max_parallel_requests"] = "3",
            ["x-ratelimit-api_key-limit-max_parallel_requests"] = "4",
            ["x-ratelimit-team-remaining-requests"] = "3",
            ["x-ratelimit-team-limit-requests"] = "5",
            ["x-ratelimit-team-remaining-tokens"] = "1700",
            ["x-ratelimit-team-limit-tokens"] = "2000",
            ["x-ratelimit-limit-requests"] = "5",
            ["x-ratelimit-remaining-requests"] = "3",
            ["x-ratelimit-reset-requests"] = "45s",
            ["x-ratelimit-limit-tokens"] = "1000",
            ["x-ratelimit-remaining-tokens"] = "700",
            ["x-ratelimit-reset-tokens"] = "45s",
        };
        Assert.Equal(expected.OrderBy(h => h.Key), headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())).OrderBy(h => h.Key));
    }

    [Fact]
    public async Task Acquire_NoDescriptors_EmptyLeaseWithoutHeaders()
    {
        var lease = await CreateLimiter().AcquireAsync([], CancellationToken.None);
        var headers = new HeaderDictionary();

        lease.AddHeaders(headers);
        await lease.CompleteAsync(100);

        Assert.Empty(lease.Usages);
        Assert.Empty(headers);
    }

    [Fact]
    public async Task Acquire_CancelledBeforehand_CountsNothing()
    {
        var limiter = CreateLimiter();
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync([key], new CancellationToken(canceled: true)));

        await limiter.AcquireAsync([key], CancellationToken.None);
    }
}
