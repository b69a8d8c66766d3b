using Microsoft.Extensions.Diagnostics.HealthChecks;

using StackExchange.Redis;

namespace LiteAspire.Data.Redis;

/// <summary>Readiness check: Redis is connected and answers PING.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer multiplexer, RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A disconnected multiplexer would queue the PING until it times out; answer at once instead.
        if (!multiplexer.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Not connected to {connection.Describe()}.");
        }

        try
        {
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PING to {connection.Describe()} failed.", e);
        }
    }
}
