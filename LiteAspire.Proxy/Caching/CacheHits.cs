using System.Text.Json.Nodes;

using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// Answers from the cache: LiteLLM's headers (<c>x-litellm-response-cost: 0.0</c>, the key, the model group and the id of the
/// deployment that produced the entry), and the books closed at cost 0 with <c>cache_hit</c> set. Nothing goes upstream.
/// </summary>
public static class CacheHits
{
    /// <summary>A chat completion from <paramref name="hit"/>: the stored response, or for a stream its replay as chunks.</summary>
    /// <param name="hit">The entry found.</param>
    /// <param name="call">The request's cache key and controls.</param>
    /// <param name="accounting">Closes the ticket.</param>
    /// <param name="ticket">The admitted call.</param>
    /// <param name="route">The model group; its first deployment is booked when the entry names none.</param>
    /// <param name="context">The client's request.</param>
    /// <param name="stream">The client asked for a stream.</param>
    /// <param name="includeUsage">The client asked for <c>stream_options.include_usage</c>.</param>
    /// <param name="started">When the call started.</param>
    public static async ValueTask<ChatResult> ServeChatAsync(CacheEntry hit, CacheableCall call, CallAccounting accounting, AdmissionTicket ticket,
        ModelRoute route, HttpContext context, bool stream, bool includeUsage, DateTime started)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(accounting);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(context);
        var response = hit.ResponseObject()!;
        var usage = response["usage"] as JsonObject;
        await CompleteAsync(hit, call, accounting, ticket, route, context, usage, started).ConfigureAwait(false);
        var result = new ChatResult
        {
            ModelGroup = route.ModelGroup, Deployment = route.FirstDeployment, CallId = CallTiming.CallId(context),
            Response = stream ? null : response, Usage = usage,
        };
        if (stream)
        {
            result.Chunks = ChatStreamReplay.ChunksOf(response, includeUsage);
        }

        return result;
    }

    /// <summary>An embedding list rebuilt from every input's entry.</summary>
    public static async ValueTask<JsonObject> ServeEmbeddingsAsync(IReadOnlyList<CacheEntry> hits, CacheableCall call, CallAccounting accounting,
        AdmissionTicket ticket, ModelRoute route, HttpContext context, DateTime started)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(context);
        var result = ResponseCache.EmbeddingList(hits);
        await CompleteAsync(hits[0], call, accounting, ticket, route, context, result["usage"] as JsonObject, started).ConfigureAwait(false);
        return result;
    }

    private static ValueTask CompleteAsync(CacheEntry hit, CacheableCall call, CallAccounting accounting, AdmissionTicket ticket, ModelRoute route,
        HttpContext context, JsonObject? usage, DateTime started)
    {
        LiteLLMHeaders.ApplyOwn(context, route.ModelGroup, hit.ModelId ?? route.FirstDeployment.Id, upstreamMs: 0, cost: 0m);
        // The call id, not the stored response's id: that one already names the call that filled the entry.
        return accounting.CompleteAsync(ticket, route.FirstDeployment, usage, 0m, CallTiming.CallId(context), started, success: true,
            cacheKey: call.Key ?? call.Keys[0], cacheHit: true);
    }
}
