using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// LiteLLM's <c>GET /cache/settings</c>: <c>{fields, current_values, redis_type_descriptions}</c> for the response cache as
/// it runs (<c>current_values</c> is empty when <c>litellm_settings.cache</c> is off). A Redis cache shows the proxy's Redis
/// connection with its password as <see cref="SettingsSecrets.Redacted"/>, as LiteLLM does. Read only (LiteAspire has no
/// <c>POST /cache/settings</c>); proxy admins and admin viewers.
/// </summary>
public static class CacheSettingsEndpoint
{
    // cache_params keys that describe the connection: the Redis cache uses the proxy's own Redis connection instead.
    private static readonly HashSet<string> s_connectionParams = new(StringComparer.Ordinal)
    {
        "host", "port", "password", "username", "url", "db", "ssl", "redis_startup_nodes", "sentinel_nodes", "service_name", "sentinel_password",
    };

    /// <summary>The settings of LiteLLM's list that this cache has, plus its type, mode and call types.</summary>
    public static IReadOnlyList<SettingsField> Fields { get; } =
    [
        new("type", "String", "Cache Type", "Where cached responses live: this process's memory, or the proxy's Redis", "local", ["local", "redis"]),
        new("mode", "String", "Mode", "default_off: only requests that opt in are cached", "default_on", ["default_on", "default_off"]),
        new("supported_call_types", "List", "Supported Call Types", "The call types that are cached"),
        new("redis_type", "String", "Redis Type", "Type of Redis deployment", "node", ["node"]),
        new("host", "String", "Host", "Redis server hostname or IP address"),
        new("port", "String", "Port", "Redis server port number", "6379"),
        new("db", "Integer", "Database Index", "Logical database index to isolate the cache"),
        new("username", "String", "Username", "Redis server username (if required)"),
        new("password", "String", "Password", "Redis server password"),
        new("ssl", "Boolean", "SSL", "Enable SSL/TLS connection", false),
        new("namespace", "String", "Namespace", "Namespace prefix for cache keys"),
        new("ttl", "Float", "TTL (seconds)", "Time-to-live for cached items in seconds"),
        new("max_size_in_memory", "Integer", "Max Entries In Memory", "Most entries the in-memory cache keeps", CacheSettings.DefaultMaxEntries),
    ];

    /// <summary>Handles the request.</summary>
    public static IResult Handle(HttpContext context, ProxyConfig config, ResponseCache cache, RedisStatus redis)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(redis);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read the cache settings");
        var values = CurrentValues(config, cache.Settings, redis.Connection);
        return JsonBody.Result(new JsonObject
        {
            ["fields"] = SettingsField.ToJson(Fields, values),
            ["current_values"] = values,
            ["redis_type_descriptions"] = new JsonObject { ["node"] = "Standard Redis node/single instance" },
        });
    }

    /// <summary>The cache's settings as it runs them; empty when caching is off.</summary>
    public static JsonObject CurrentValues(ProxyConfig config, CacheSettings? settings, RedisConnection? redis)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = new JsonObject();
        if (settings is null)
        {
            return values;
        }

        foreach (var (key, value) in config.LiteLLMSettings.CacheParams)
        {
            if (!s_connectionParams.Contains(key))
            {
                values[key] = SettingsSecrets.Masked(key, value);
            }
        }

        values["type"] = settings.TypeName;
        values["mode"] = settings.DefaultOff ? "default_off" : "default_on";
        values["supported_call_types"] = new JsonArray([.. settings.CallTypes.Order(StringComparer.Ordinal).Select(type => JsonValue.Create(type))]);
        values["namespace"] = settings.Namespace;
        values["ttl"] = settings.Ttl;
        if (settings.Backend == CacheBackend.Local)
        {
            values["max_size_in_memory"] = settings.MaxEntries;
        }
        else if (redis is not null)
        {
            AddConnection(values, redis);
        }

        return values;
    }

    private static void AddConnection(JsonObject values, RedisConnection redis)
    {
        var options = redis.Options;
        var endpoint = options.EndPoints.FirstOrDefault();
        values["redis_type"] = "node";
        values["host"] = endpoint switch
        {
            DnsEndPoint dns => dns.Host,
            IPEndPoint ip => ip.Address.ToString(),
            _ => null,
        };
        values["port"] = endpoint switch
        {
            DnsEndPoint dns => dns.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IPEndPoint ip => ip.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        values["db"] = options.DefaultDatabase;
        values["username"] = options.User;
        values["password"] = string.IsNullOrEmpty(options.Password) ? null : SettingsSecrets.Redacted;
        values["ssl"] = options.Ssl;
    }
}
