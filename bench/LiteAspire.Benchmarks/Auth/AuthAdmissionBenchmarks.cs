using BenchmarkDotNet.Attributes;

using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Limits;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Replicas;
using LiteAspire.Proxy.Routing;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using StackExchange.Redis;

namespace LiteAspire.Benchmarks.Auth;

/// <summary>
/// What a virtual key costs a request with a warm key cache: authenticate (hash, cache hit, checks), admit (model access,
/// key/team/user budgets, rpm/tpm/parallel limits), then count the call. In memory always; with Redis (live spend and
/// limits in Redis, as two replicas would run) when <c>REDIS_URL</c> is set.
/// </summary>
[MemoryDiagnoser]
public class AuthAdmissionBenchmarks
{
    private const string Key = "sk-bench-virtual-key-0000000000";
    private const long Plenty = 1_000_000_000_000;

    private RequestAuthenticator _authenticator = null!;
    private RequestAdmission _admission = null!;
    private DefaultHttpContext _context = null!;
    private ConnectionMultiplexer? _redis;

    /// <summary>Where live spend and limits are kept.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "in-memory";

    /// <summary>in-memory always; redis when REDIS_URL is set.</summary>
    public static IEnumerable<string> Backends() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REDIS_URL")) ? ["in-memory"] : ["in-memory", "redis"];

    [GlobalSetup]
    public void Setup()
    {
        var config = ProxyConfigLoader.Parse("""
            general_settings: { master_key: sk-bench-master }
            model_list:
              - model_name: gpt-4o
                litellm_params: { model: openai/gpt-4o }
            """, environment: _ => null);
        var time = TimeProvider.System;
        var settings = new AuthSettings();
        _redis = Backend == "redis" ? ConnectionMultiplexer.Connect(RedisUrl.Parse(Environment.GetEnvironmentVariable("REDIS_URL")!)) : null;
        var keys = new ApiKeyCache(new OneKeyStore(), time, settings, NullLogger<ApiKeyCache>.Instance, _redis is null ? null : new RedisReplicaLink(_redis));
        _authenticator = new RequestAuthenticator(MasterKey.Resolve(config, new ConfigurationBuilder().Build()), time, keys);
        ILiveSpend spend = _redis is null ? new InMemoryLiveSpend(time) : new RedisLiveSpend(_redis, time, NullLogger<RedisLiveSpend>.Instance);
        IRateLimiter limiter = _redis is null
            ? new InMemoryRateLimiter(new RateLimitOptions(), time)
            : new RedisRateLimiter(_redis, new RateLimitOptions(), time, NullLogger<RedisRateLimiter>.Instance);
        var router = new ModelRouter(new DeploymentTable(config, new DeploymentResolver(new ProviderRegistry(), _ => null)));
        var scopes = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        var endUsers = new EndUserLookup(scopes, time, settings, NullLogger<EndUserLookup>.Instance);
        var shared = new SharedBudgets(new ProxyBudget(config), new TagLookup(scopes, time, settings, NullLogger<TagLookup>.Instance));
        _admission = new RequestAdmission(new ModelAccess(router), new BudgetEnforcer(spend), new EndUserEnforcer(endUsers, spend), limiter, shared);
        _context = new DefaultHttpContext();
        _context.Request.Headers.Authorization = "Bearer " + Key;
    }

    [GlobalCleanup]
    public void Cleanup() => _redis?.Dispose();

    [Benchmark]
    public async Task<int> AuthenticateAdmitAndComplete()
    {
        _context.Response.Headers.Clear();
        var caller = await _authenticator.AuthenticateAsync(_context.Request, CancellationToken.None);
        _context.Features.Set(caller);
        var ticket = await _admission.AdmitAsync(_context, "gpt-4o", null, [], CancellationToken.None);
        await ticket.CompleteAsync(0.0001, 120);
        return _context.Response.Headers.Count;
    }

    private sealed class OneKeyStore : IApiKeyStore
    {
        private readonly ApiKeyAuth _key = new()
        {
            Token = VirtualKeys.Hash(Key),
            UserRole = LiteLLMRoles.InternalUser,
            UserId = "user-bench",
            TeamId = "team-bench",
            Models = ["gpt-4o"],
            KeyBudget = new BudgetState(Plenty, 0, null, null, null),
            KeyLimits = new LimitSet(Plenty, Plenty, Plenty),
            User = new ScopeLimits("user-bench", [], new BudgetState(Plenty, 0, null, null, null), new LimitSet(Plenty, Plenty, null)),
            Team = new TeamScope
            {
                TeamId = "team-bench", Budget = new BudgetState(Plenty, 0, null, null, null), Limits = new LimitSet(Plenty, Plenty, null),
            },
        };

        public Task<ApiKeyAuth?> FindAsync(string token, CancellationToken cancellationToken) =>
            Task.FromResult<ApiKeyAuth?>(token == _key.Token ? _key : null);
    }
}
