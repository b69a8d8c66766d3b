using LiteAspire.Data;
using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Limits;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Tests.Limits;

public class RateLimitingRegistrationTests
{
    private static ServiceProvider Build(IConnectionMultiplexer? redis = null, string? windowSize = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [RateLimitOptions.WindowSizeSetting] = windowSize })
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (redis is not null)
        {
            services.AddSingleton(redis);
            services.AddSingleton(sp => new RedisStatus(new RedisConnection(UnreachableRedis.Options(), "test"), sp));
        }

        return services.AddRateLimiting(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddRateLimiting_NoRedis_InMemoryLimiterWithLiteLLMsWindow()
    {
        using var services = Build();

        Assert.IsType<InMemoryRateLimiter>(services.GetRequiredService<IRateLimiter>());
        Assert.Equal(TimeSpan.FromSeconds(60), services.GetRequiredService<RateLimitOptions>().Window);
    }

    [Fact]
    public async Task AddRateLimiting_RedisRegistered_RedisLimiter()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(UnreachableRedis.Options());
        using var services = Build(redis);

        Assert.IsType<RedisRateLimiter>(services.GetRequiredService<IRateLimiter>());
    }

    [Fact]
    public void AddRateLimiting_WindowSizeSetting_SetsTheWindow()
    {
        using var services = Build(windowSize: "30");

        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<RateLimitOptions>().Window);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("a minute")]
    public void AddRateLimiting_WindowSizeNotAPositiveWholeNumber_StartupError(string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Build(windowSize: value));

        Assert.Equal($"LITELLM_RATE_LIMIT_WINDOW_SIZE must be a positive whole number of seconds, not '{value}'.", error.Message);
    }

    [Fact]
    public void Proxy_WithoutRedis_RegistersTheInMemoryLimiter()
    {
        using var proxy = new ProxyFactory();

        Assert.IsType<InMemoryRateLimiter>(proxy.Services.GetRequiredService<IRateLimiter>());
    }
}
