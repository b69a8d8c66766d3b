using Microsoft.Extensions.Configuration;

using StackExchange.Redis;

namespace LiteAspire.Data.Redis;

/// <summary>Finds the Redis to use: <c>ConnectionStrings:cache</c>, else <c>REDIS_URL</c>, else <c>REDIS_HOST</c>/<c>REDIS_PORT</c>/<c>REDIS_PASSWORD</c>.</summary>
public static class RedisConnectionResolver
{
    /// <summary>Name of the connection string an Aspire reference injects (<c>ConnectionStrings__cache</c>).</summary>
    public const string ConnectionStringName = "cache";

    /// <summary>Resolves the connection, or null when no Redis is configured (the in-process fallback is used).</summary>
    /// <exception cref="StartupConfigurationException">A configured value cannot be understood.</exception>
    public static RedisConnection? Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = $"ConnectionStrings:{ConnectionStringName}";
        try
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                // Aspire injects StackExchange.Redis' own format ("host:port,password=..."); a URL works too.
                return FromConnectionString(connectionString.Trim(), source);
            }

            source = "REDIS_URL";
            var url = configuration["REDIS_URL"];
            if (!string.IsNullOrWhiteSpace(url))
            {
                return FromUrl(url.Trim(), source);
            }

            source = "REDIS_HOST";
            var host = configuration["REDIS_HOST"];
            return string.IsNullOrWhiteSpace(host) ? null : FromHostSettings(configuration, host.Trim(), source);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new StartupConfigurationException($"{source} is not a usable Redis connection: {e.Message}", e);
        }
    }

    // These three keep StackExchange.Redis types out of Resolve's body: with no Redis configured, the JIT never loads the assembly.
    private static RedisConnection FromConnectionString(string connectionString, string source) =>
        Finish(RedisUrl.IsRedisUrl(connectionString) ? RedisUrl.Parse(connectionString) : ConfigurationOptions.Parse(connectionString), source);

    private static RedisConnection FromUrl(string url, string source) => Finish(RedisUrl.Parse(url), source);

    private static RedisConnection FromHostSettings(IConfiguration configuration, string host, string source)
    {
        var port = configuration["REDIS_PORT"];
        var password = configuration["REDIS_PASSWORD"];
        var options = new ConfigurationOptions
        {
            Password = string.IsNullOrEmpty(password) ? null : password,
            Ssl = bool.TryParse(configuration["REDIS_SSL"], out var ssl) && ssl,
        };
        options.EndPoints.Add(host, string.IsNullOrWhiteSpace(port) ? RedisUrl.DefaultPort : RedisUrl.ParsePort(port.Trim()));
        return Finish(options, source);
    }

    private static RedisConnection Finish(ConfigurationOptions options, string source)
    {
        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("it names no host.");
        }

        // Start even while Redis is down; the multiplexer keeps reconnecting in the background.
        options.AbortOnConnectFail = false;
        return new RedisConnection(options, source);
    }
}
