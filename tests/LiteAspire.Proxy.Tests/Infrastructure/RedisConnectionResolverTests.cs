using System.Net;

using LiteAspire.Data;
using LiteAspire.Data.Redis;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Tests.Infrastructure;

public class RedisConnectionResolverTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static DnsEndPoint SingleEndPoint(RedisConnection connection) =>
        Assert.IsType<DnsEndPoint>(Assert.Single(connection.Options.EndPoints));

    [Fact]
    public void RedisUrl_PasswordHostPortDb_AreRead()
    {
        var options = RedisUrl.Parse("redis://:s%40cret@cache.example.com:6380/2");

        var endpoint = Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal("cache.example.com", endpoint.Host);
        Assert.Equal(6380, endpoint.Port);
        Assert.Equal("s@cret", options.Password);
        Assert.Null(options.User);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.False(options.Ssl);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void RedisUrl_RedissWithUser_UsesTlsAndAclUser()
    {
        var options = RedisUrl.Parse("rediss://default:pw@cache.example.com");

        Assert.True(options.Ssl);
        Assert.Equal("default", options.User);
        Assert.Equal("pw", options.Password);
        Assert.Equal(6379, Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints)).Port);
    }

    [Fact]
    public void Resolve_ConnectionStringWins_AndAcceptsStackExchangeFormat()
    {
        var connection = RedisConnectionResolver.Resolve(Settings(
            ("ConnectionStrings:cache", "aspire-redis:6390,password=pw"),
            ("REDIS_URL", "redis://env-redis:6379")));

        Assert.NotNull(connection);
        Assert.Equal("ConnectionStrings:cache", connection.Source);
        Assert.Equal("aspire-redis", SingleEndPoint(connection).Host);
        Assert.Equal(6390, SingleEndPoint(connection).Port);
        Assert.Equal("pw", connection.Options.Password);
        Assert.False(connection.Options.AbortOnConnectFail);
    }

    [Fact]
    public void Resolve_RedisUrlBeforeHostSettings()
    {
        var connection = RedisConnectionResolver.Resolve(Settings(("REDIS_URL", "redis://env-redis:6379"), ("REDIS_HOST", "other")));

        Assert.NotNull(connection);
        Assert.Equal("REDIS_URL", connection.Source);
        Assert.Equal("env-redis", SingleEndPoint(connection).Host);
    }

    [Fact]
    public void Resolve_HostPortPassword_BuildsTheConnection()
    {
        var connection = RedisConnectionResolver.Resolve(Settings(("REDIS_HOST", "h"), ("REDIS_PORT", "7000"), ("REDIS_PASSWORD", "pw")));

        Assert.NotNull(connection);
        Assert.Equal("REDIS_HOST", connection.Source);
        Assert.Equal("h", SingleEndPoint(connection).Host);
        Assert.Equal(7000, SingleEndPoint(connection).Port);
        Assert.Equal("pw", connection.Options.Password);
        Assert.Equal("redis://h:7000", connection.Describe());
    }

    [Fact]
    public void Resolve_NothingConfigured_IsNullForTheInProcessFallback()
    {
        Assert.Null(RedisConnectionResolver.Resolve(Settings()));
    }

    [Fact]
    public void Resolve_BadPort_FailsNamingTheSetting()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            RedisConnectionResolver.Resolve(Settings(("REDIS_URL", "redis://h:notaport"))));

        Assert.StartsWith("REDIS_URL is not a usable Redis connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPassword_LeavesThePasswordOut()
    {
        var connection = RedisConnectionResolver.Resolve(Settings(("REDIS_URL", "redis://:hunter2@h:6379")));

        Assert.NotNull(connection);
        Assert.DoesNotContain("hunter2", connection.ToString(), StringComparison.Ordinal);
    }
}
