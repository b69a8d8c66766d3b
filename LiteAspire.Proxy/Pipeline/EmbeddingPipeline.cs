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

/// <summary>One <c>/v1/embeddings</c> call: validate → admit → route (retries, fallbacks) → embedding adapter → upstream → OpenAI list, with LiteLLM's headers.</summary>
public sealed class EmbeddingPipeline(RouterExecutor router, ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ICostCalculator cost,
    RequestAdmission admission, CallAccounting accounting, TimeProvider time, ResponseCache cache)
{
    /// <summary>Runs <paramref name="request"/> (OpenAI embeddings shape, edited in place) and sets the response headers.</summary>
    /// <exception cref="GatewayException">Bad input, unknown model, unsupported provider, no deployment available.</exception>
    /// <exception cref="ProviderException">The upstream failed, after retries and fallbacks.</exception>
    public async Task<JsonObject> ExecuteAsync(JsonObject request, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var model = ChatRequestValidator.RequireModel(request);
        ValidateInput(request["input"]);
        var route = router.Find(model);
        if (registry.Embedding(route.FirstDeployment.Provider) is null)
        {
            throw ChatPipeline.UnsupportedProvider(route.FirstDeployment, model);
        }

        var tags = RequestTags.Of(context.Request.Headers, request);
        var routing = RouteRequest.From(request, context.Request.Headers, stream: false, tags: tags);
        var cacheable = cache.Prepare(request, route.ModelGroup, "aembedding", context);
        var ticket = await admission.AdmitAsync(context, model, EndUserEnforcer.EndUserIdOf(request), tags, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow().UtcDateTime;
        if (await cache.LookupAllAsync(cacheable, cancellationToken).ConfigureAwait(false) is { } hits)
        {
            return await CacheHits.ServeEmbeddingsAsync(hits, cacheable, accounting, ticket, route,
                context, started).ConfigureAwait(false);
        }

        var base64 = EmbeddingEncoding.WantsBase64(request);
        var dropParams = RequestPreparation.RequestDropParams(request);
        var last = route.FirstDeployment;
        var success = false;
        JsonObject? usage = null;
        decimal? callCost = null;
        try
        {
            var result = await router.ExecuteAsync(context, route, routing, async (attempt, token) =>
            {
                last = attempt.Deployment;
                var (answer, answeredUsage, answeredCost) = await AttemptAsync(request, attempt, dropParams, base64, context, token).ConfigureAwait(false);
                (usage, callCost) = (answeredUsage, answeredCost);
                cache.SaveEmbeddings(cacheable, answer, attempt.Deployment.Id);
                return answer;
            }, cancellationToken).ConfigureAwait(false);
            success = true;
            return result;
        }
        finally
        {
            await accounting.CompleteAsync(ticket, last, usage, callCost, CallTiming.CallId(context), started, success).ConfigureAwait(false);
        }
    }

    private async Task<(JsonObject Result, JsonObject? Usage, decimal Cost)> AttemptAsync(JsonObject request, RouteAttempt attempt, bool? dropParams, bool base64,
        HttpContext context, CancellationToken cancellationToken)
    {
        var deployment = attempt.Deployment;
        var adapter = registry.Embedding(deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(deployment, attempt.ModelGroup);
        var call = new EmbeddingCall
        {
            Deployment = deployment,
            DropParams = RequestPreparation.DropParams(dropParams, deployment, settings.DropParams),
            Request = request,
        };
        var edits = RequestPreparation.ForDeployment(request, deployment);
        var answered = false;
        using var timeout = new UpstreamTimeout(attempt.Timeout, cancellationToken);
        try
        {
            using var upstreamRequest = await adapter.CreateEmbeddingRequestAsync(call, timeout.Token).ConfigureAwait(false);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(upstreamRequest, deployment.Provider, timeout).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = adapter.ReadError((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false), call);
                error.RetryAfter = UpstreamHttp.RetryAfterOf(response);
                throw error;
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
            LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
            answered = true;
            return (result, usage, callCost);
        }
        catch (Exception e) when (UpstreamHttp.Classify(e, deployment.Provider, timeout) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            if (!answered)
            {
                edits.Undo(request);
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
