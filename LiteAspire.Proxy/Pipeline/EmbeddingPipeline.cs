using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>One <c>/v1/embeddings</c> call: validate → route → embedding adapter → upstream → OpenAI list, with LiteLLM's headers.</summary>
public sealed class EmbeddingPipeline(ModelRouter router, ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ICostCalculator cost,
    RequestAdmission admission, CallAccounting accounting, TimeProvider time, ResponseCache cache)
{
    /// <summary>Runs <paramref name="request"/> (OpenAI embeddings shape, edited in place) and sets the response headers.</summary>
    /// <exception cref="GatewayException">Bad input, unknown model, unsupported provider.</exception>
    /// <exception cref="ProviderException">The upstream failed.</exception>
    public async Task<JsonObject> ExecuteAsync(JsonObject request, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var model = ChatRequestValidator.RequireModel(request);
        ValidateInput(request["input"]);
        var routed = router.Pick(model);
        var deployment = routed.Deployment;
        var adapter = registry.Embedding(deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(deployment, model);
        var cacheable = cache.Prepare(request, routed.ModelGroup, "aembedding", context);
        var ticket = await admission.AdmitAsync(context, model, EndUserEnforcer.EndUserIdOf(request), RequestTags.Of(context.Request.Headers, request),
            cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow().UtcDateTime;
        if (await cache.LookupAllAsync(cacheable, cancellationToken).ConfigureAwait(false) is { } hits)
        {
            return await CacheHits.ServeEmbeddingsAsync(hits, cacheable, accounting, ticket, routed, context, started).ConfigureAwait(false);
        }

        var base64 = EmbeddingEncoding.WantsBase64(request);
        var call = new EmbeddingCall
        {
            Deployment = deployment,
            DropParams = RequestPreparation.DropParams(request, deployment, settings.DropParams),
            Request = RequestPreparation.ForDeployment(request, deployment),
        };

        using var timeout = new UpstreamTimeout(deployment.Timeout ?? settings.DefaultTimeout, cancellationToken);
        try
        {
            using var upstreamRequest = await adapter.CreateEmbeddingRequestAsync(call, timeout.Token).ConfigureAwait(false);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(upstreamRequest, deployment.Provider, timeout).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw adapter.ReadError((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false), call);
            }

            var body = await ChatPipeline.ReadJsonAsync(response, deployment.Provider, timeout.Token).ConfigureAwait(false);
            var result = adapter.ReadEmbeddingResponse(body, call);
            if (base64)
            {
                // OpenAI-shaped upstreams already answered a string; native ones answered floats.
                EmbeddingEncoding.ToBase64(result);
            }

            var usage = result["usage"] as JsonObject;
            var callCost = cost.Calculate(deployment, Spend.CallUsage.Of(usage));
            LiteLLMHeaders.Apply(context, routed.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
            var settled = ticket;
            ticket = null;
            await accounting.CompleteAsync(settled, deployment, usage, callCost, CallTiming.CallId(context), started, success: true).ConfigureAwait(false);
            cache.SaveEmbeddings(cacheable, result, deployment.Id);
            return result;
        }
        catch (Exception e) when (UpstreamHttp.Classify(e, deployment.Provider, timeout) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            if (ticket is not null)
            {
                await accounting.CompleteAsync(ticket, deployment, null, null, CallTiming.CallId(context), started, success: false).ConfigureAwait(false);
            }
        }
    }

    private static void ValidateInput(JsonNode? input)
    {
        switch (input?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                throw new GatewayException(400, "Missing required parameter: 'input'.", "invalid_request_error", "input");
            case JsonValueKind.String:
                return;
            case JsonValueKind.Array when input.AsArray().Count > 0:
                return;
            case JsonValueKind.Array:
                throw new GatewayException(400, "Invalid 'input': empty array. Expected an array with minimum length 1.", "invalid_request_error", "input");
            default:
                throw new GatewayException(400, $"Invalid type for 'input': expected a string or an array, but got {ChatRequestValidator.KindName(input)} instead.",
                    "invalid_request_error", "input");
        }
    }
}
