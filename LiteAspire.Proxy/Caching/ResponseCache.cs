using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// LiteLLM's response cache for the pipelines: which requests are cacheable and under what key (<see cref="Prepare"/>),
/// the lookup (after auth, limits and budgets, before routing to an upstream) and the write once an answer is complete.
/// A store that fails (Redis down) never fails a request: the lookup is a miss and the write is dropped, with a warning
/// at most once a minute.
/// </summary>
public sealed class ResponseCache(CacheSettings? settings, ICacheStore? store, TimeProvider time, ILogger<ResponseCache> logger)
{
    /// <summary>The response header carrying the key, on hits and on cacheable misses.</summary>
    public const string KeyHeader = "x-litellm-cache-key";

    private static readonly TimeSpan s_warningInterval = TimeSpan.FromMinutes(1);
    private long _lastWarningTicks = long.MinValue;

    /// <summary>The settings in force, or null when caching is off.</summary>
    public CacheSettings? Settings => settings;

    /// <summary>The store, or null when caching is off.</summary>
    public ICacheStore? Store => store;

    /// <summary>
    /// Reads <paramref name="request"/>'s cache controls (refusing those the caller's key may not use, even with caching off,
    /// as LiteLLM's pre-call check does) and builds its key(s); sets <c>x-litellm-cache-key</c> for a single-key call.
    /// </summary>
    /// <param name="request">The request body, before the pipeline edits it.</param>
    /// <param name="modelGroup">The model group routed to.</param>
    /// <param name="callType">LiteLLM's call type: <c>acompletion</c> or <c>aembedding</c>.</param>
    /// <param name="context">The client's request (caller, response headers).</param>
    /// <exception cref="Errors.GatewayException">403 for a cache control the key may not use.</exception>
    public CacheableCall Prepare(JsonObject request, string modelGroup, string callType, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var controls = CacheControls.Read(request, context.Features.Get<ApiKeyAuth>());
        if (settings is null || store is null || !settings.Caches(callType) || controls.Caching == false || (settings.DefaultOff && !controls.UseCache))
        {
            return CacheableCall.Off;
        }

        var ns = controls.Namespace ?? JsonRead.String(request["metadata"].Prop("redis_namespace")) ?? settings.Namespace;
        var model = CacheKey.ModelValue(modelGroup, settings.CachingGroups);
        IReadOnlyList<string> keys;
        if (callType == "aembedding")
        {
            var inputs = request["input"] is JsonArray list ? [.. list] : new[] { request["input"] };
            keys = [.. inputs.Select(input => CacheKey.Hash(CacheKey.Source(request, model, "input", input), ns))];
        }
        else
        {
            keys = [CacheKey.Hash(CacheKey.Source(request, model, "messages", request["messages"]), ns)];
        }

        var call = new CacheableCall { Keys = keys, Controls = controls };
        if (call.Key is { } key)
        {
            context.Response.Headers[KeyHeader] = key;
        }

        return call;
    }

    /// <summary>The stored entry for a single-key call, fresh enough for its <c>s-maxage</c>; null on a miss.</summary>
    public async ValueTask<CacheEntry?> LookupAsync(CacheableCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.ShouldLookUp || call.Key is not { } key)
        {
            return null;
        }

        var entry = await ReadAsync(key, call.Controls, cancellationToken).ConfigureAwait(false);
        return entry?.ResponseObject() is { } response && HasOutput(response) ? entry : null;
    }

    /// <summary>Every input's stored embedding, in order; null unless all of them are cached.</summary>
    public async ValueTask<IReadOnlyList<CacheEntry>?> LookupAllAsync(CacheableCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.ShouldLookUp)
        {
            return null;
        }

        var entries = new List<CacheEntry>(call.Keys.Count);
        foreach (var key in call.Keys)
        {
            if (await ReadAsync(key, call.Controls, cancellationToken).ConfigureAwait(false) is not { Response: JsonObject } entry)
            {
                return null;
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Stores a finished chat completion in the background (the client is not kept waiting).</summary>
    public void Save(CacheableCall call, JsonObject response, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(response);
        if (call.ShouldStore && call.Key is { } key && HasOutput(response))
        {
            Write(call, [(key, new CacheEntry(Now(), JsonValue.Create(response.ToJsonString()), modelId))]);
        }
    }

    /// <summary>Stores a chat completion passed through as bytes (parsed in the background; the bytes must not be reused).</summary>
    public void Save(CacheableCall call, ReadOnlyMemory<byte> responseJson, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.ShouldStore && call.Key is not null)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    if (JsonNode.Parse(responseJson.Span) is JsonObject response)
                    {
                        Save(call, response, modelId);
                    }
                }
                catch (System.Text.Json.JsonException e)
                {
                    Warn("write", e);
                }
            });
        }
    }

    /// <summary>A collector for a stream whose answer is to be stored once complete; null when it is not.</summary>
    public StreamCapture? Capture(CacheableCall call, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ShouldStore && call.Key is not null ? new StreamCapture(this, call, modelId) : null;
    }

    /// <summary>Stores each input's embedding of an OpenAI embedding list under that input's key.</summary>
    public void SaveEmbeddings(CacheableCall call, JsonObject result, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(result);
        if (!call.ShouldStore || result["data"] is not JsonArray data || data.Count != call.Keys.Count)
        {
            return;
        }

        var promptTokens = JsonRead.Long(result["usage"]?["prompt_tokens"]);
        var timestamp = Now();
        var entries = new List<(string, CacheEntry)>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var item = new JsonObject
            {
                ["embedding"] = data[i]?["embedding"]?.DeepClone(),
                ["index"] = i,
                ["object"] = "embedding",
                ["model"] = result["model"]?.DeepClone(),
                // Split so the items of a later all-cached answer add up to the original count.
                ["prompt_tokens"] = promptTokens is { } total ? total / data.Count + (i < total % data.Count ? 1 : 0) : null,
                ["format_version"] = 1,
            };
            entries.Add((call.Keys[i], new CacheEntry(timestamp, item, modelId)));
        }

        Write(call, entries);
    }

    /// <summary>An OpenAI embedding list rebuilt from every input's stored embedding.</summary>
    public static JsonObject EmbeddingList(IReadOnlyList<CacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var data = new JsonArray();
        long tokens = 0;
        JsonNode? model = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var item = (JsonObject)entries[i].Response;
            model ??= item["model"]?.DeepClone();
            tokens += JsonRead.Long(item["prompt_tokens"]) ?? 0;
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = item["embedding"]?.DeepClone() });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    /// <summary>Deletes <paramref name="keys"/> (<c>POST /cache/delete</c>).</summary>
    public ValueTask DeleteAsync(IReadOnlyList<string> keys) => store?.DeleteAsync(keys) ?? ValueTask.CompletedTask;

    private async ValueTask<CacheEntry?> ReadAsync(string key, CacheControls controls, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await store!.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away: a miss, and the upstream call that follows is cancelled too.
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Warn("read", e);
            return null;
        }

        if (bytes is null || CacheEntry.Parse(bytes) is not { } entry)
        {
            return null;
        }

        return controls.MaxAge is { } maxAge && entry.AgeSeconds(time.GetUtcNow()) > maxAge ? null : entry;
    }

    private void Write(CacheableCall call, List<(string Key, CacheEntry Entry)> entries)
    {
        var ttlSeconds = call.Controls.Ttl ?? settings?.Ttl;
        var ttl = ttlSeconds is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        _ = WriteAsync(entries, ttl);
    }

    private async Task WriteAsync(List<(string Key, CacheEntry Entry)> entries, TimeSpan? ttl)
    {
        try
        {
            // Off the request's path: serialising and the Redis round trip happen after the answer is on its way.
            await Task.Yield();
            foreach (var (key, entry) in entries)
            {
                await store!.SetAsync(key, entry.ToBytes(), ttl).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Warn("write", e);
        }
    }

    private double Now() => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;

    // LiteLLM neither stores nor serves an answer without output (no choices, or only empty ones).
    private static bool HasOutput(JsonObject response) => response["choices"] is JsonArray { Count: > 0 };

    private void Warn(string action, Exception e)
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last < s_warningInterval.Ticks || Interlocked.CompareExchange(ref _lastWarningTicks, now, last) != last)
        {
            return;
        }

        logger.LogWarning("Response cache {Action} failed, answering without the cache: {Error}", action, e.Message);
    }

    /// <summary>LiteLLM's <c>litellm_cache_params</c> for <c>/cache/ping</c>, values as Python prints them.</summary>
    public JsonObject DescribeSettings()
    {
        var types = new StringBuilder("[");
        foreach (var type in settings?.CallTypes ?? new HashSet<string>())
        {
            if (types.Length > 1)
            {
                types.Append(", ");
            }

            PythonRepr.AppendString(types, type);
        }

        return new JsonObject
        {
            ["supported_call_types"] = types.Append(']').ToString(),
            ["type"] = settings?.TypeName,
            ["namespace"] = settings?.Namespace ?? "None",
            ["ttl"] = settings?.Ttl is { } ttl ? ttl.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None",
            ["mode"] = settings?.DefaultOff == true ? "default_off" : "default_on",
        };
    }
}
