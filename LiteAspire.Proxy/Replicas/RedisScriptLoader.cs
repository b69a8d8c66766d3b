using StackExchange.Redis;

namespace LiteAspire.Proxy.Replicas;

/// <summary>
/// Loads Lua scripts (<c>SCRIPT LOAD</c>) into every connected primary before first use: StackExchange.Redis then knows
/// their SHA and sends only <c>EVALSHA</c> (not the whole text per call), and sends the text again after a <c>NOSCRIPT</c>
/// (a restarted Redis, a new primary). After a failure the next call tries again; loading twice does no harm.
/// </summary>
internal sealed class RedisScriptLoader(IConnectionMultiplexer redis, params string[] scripts)
{
    private Task? _loaded;

    /// <summary>Completes once every script is loaded (at once after the first time).</summary>
    public Task EnsureLoadedAsync()
    {
        var loaded = _loaded;
        if (loaded is null || loaded.IsFaulted || loaded.IsCanceled)
        {
            _loaded = loaded = LoadAsync();
        }

        return loaded;
    }

    private async Task LoadAsync()
    {
        foreach (var server in redis.GetServers())
        {
            if (server.IsConnected && !server.IsReplica)
            {
                foreach (var script in scripts)
                {
                    await server.ScriptLoadAsync(script).ConfigureAwait(false);
                }
            }
        }
    }
}
