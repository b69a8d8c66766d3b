using StackExchange.Redis;

namespace LiteAspire.Data.Redis;

/// <summary>A resolved Redis connection: StackExchange.Redis options and the setting they came from.</summary>
/// <param name="Options">Connection options (holding the password: never log them).</param>
/// <param name="Source">The setting it was read from, e.g. <c>REDIS_URL</c>.</param>
public sealed record RedisConnection(ConfigurationOptions Options, string Source)
{
    /// <summary>The endpoints, database and TLS flag, without credentials: safe to log.</summary>
    public string Describe()
    {
        var endpoints = string.Join(",", Options.EndPoints.Select(EndPointCollection.ToString));
        var database = Options.DefaultDatabase is { } db ? $"/{db}" : string.Empty;
        return $"{(Options.Ssl ? "rediss" : "redis")}://{endpoints}{database}";
    }

    /// <summary>Hides the password so a logged or printed record leaks nothing.</summary>
    public override string ToString() => $"Redis from {Source}: {Describe()}";
}
