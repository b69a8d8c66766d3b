using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// One request's cache controls: the body's <c>cache</c> dict (<c>ttl</c>, <c>s-maxage</c>, <c>no-cache</c>, <c>no-store</c>,
/// <c>namespace</c>, <c>use-cache</c>) and <c>caching</c> flag, read as LiteLLM reads them.
/// </summary>
public sealed record CacheControls
{
    /// <summary>No controls: cache as configured.</summary>
    public static CacheControls None { get; } = new();

    /// <summary><c>caching</c>: false turns the cache off for this request, true or absent leaves it on.</summary>
    public bool? Caching { get; init; }

    /// <summary><c>ttl</c>: how long to keep what this request stores, in seconds.</summary>
    public double? Ttl { get; init; }

    /// <summary><c>s-maxage</c> (or <c>s-max-age</c>): accept only an entry written at most this many seconds ago.</summary>
    public double? MaxAge { get; init; }

    /// <summary><c>no-cache</c>: do not look up (a fresh answer still gets stored).</summary>
    public bool NoCache { get; init; }

    /// <summary><c>no-store</c>: do not store the answer.</summary>
    public bool NoStore { get; init; }

    /// <summary><c>use-cache</c>: opts in under <c>mode: default_off</c>.</summary>
    public bool UseCache { get; init; }

    /// <summary><c>namespace</c>: prefixes this request's key, over the configured namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Reads the controls of <paramref name="request"/>, refusing (403, LiteLLM's text) a control the caller's key does not
    /// allow (<c>allowed_cache_controls</c>; empty allows all). A <c>cache</c> that is not an object is ignored, as LiteLLM does.
    /// </summary>
    /// <exception cref="GatewayException">403 for a control the key may not use.</exception>
    public static CacheControls Read(JsonObject request, ApiKeyAuth? caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caching = request["caching"] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? flag.GetValueKind() == JsonValueKind.True
            : (bool?)null;
        if (request["cache"] is not JsonObject cache)
        {
            return caching is null ? None : new CacheControls { Caching = caching };
        }

        if (caller is { AllowedCacheControls.Count: > 0 } limited)
        {
            foreach (var (name, _) in cache)
            {
                if (!limited.AllowedCacheControls.Contains(name))
                {
                    throw new GatewayException(403, $"Not allowed to set {name} as a cache control. Contact admin to change permissions.", "None", "None");
                }
            }
        }

        return new CacheControls
        {
            Caching = caching,
            Ttl = Number(cache["ttl"]),
            MaxAge = Number(cache["s-maxage"]) ?? Number(cache["s-max-age"]),
            NoCache = JsonRead.IsTrue(cache["no-cache"]),
            NoStore = JsonRead.IsTrue(cache["no-store"]),
            UseCache = JsonRead.IsTrue(cache["use-cache"]),
            Namespace = cache["namespace"] is JsonValue ns && ns.GetValueKind() == JsonValueKind.String && ns.GetValue<string>() is { Length: > 0 } text ? text : null,
        };
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;
}
