using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

using LiteAspire.Data.Configuration;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Health;

/// <summary>
/// One deployment's health check, as LiteLLM's <c>ahealth_check</c> makes it: a real, tiny call chosen by the deployment's
/// mode (a short chat completion, or a one-line embedding), through its provider adapter straight to the upstream. No
/// admission (budgets, limits), no spend, no retries, no router: the answer is about this deployment alone.
/// </summary>
public sealed class DeploymentProbe(ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ModelPriceTable prices)
{
    /// <summary>LiteLLM's health-check chat message.</summary>
    public const string ChatPrompt = "What's 1 + 1?";

    /// <summary>LiteLLM's <c>DEFAULT_HEALTH_CHECK_PROMPT</c>, the embedding input.</summary>
    public const string EmbeddingInput = "test from litellm";

    /// <summary>LiteLLM's <c>max_tokens</c> for a chat check when neither <c>health_check_max_tokens</c> nor <c>BACKGROUND_HEALTH_CHECK_MAX_TOKENS</c> sets one.</summary>
    public const int DefaultMaxTokens = 16;

    private static readonly string[] s_rateLimitHeaders = ["x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens"];

    /// <summary>
    /// The mode the check follows: <c>model_info.mode</c>, else the price table's mode for the model (so an embedding model
    /// is checked with an embedding), else null (checked as chat).
    /// </summary>
    public string? ModeOf(ResolvedDeployment deployment, string litellmModel)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.ModelInfo.GetValueOrDefault("mode") is string mode && mode.Length > 0
            ? mode
            : prices.ModeOf(litellmModel) ?? prices.ModeOf(deployment.UpstreamModel);
    }

    /// <summary>
    /// Checks <paramref name="deployment"/> (already resolved with <c>health_check_model</c> when one is set), giving up
    /// after <c>model_info.health_check_timeout</c> seconds or <see cref="HealthCheckSettings.DefaultTimeout"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (the caller went away or the proxy stops).</exception>
    public async Task<ProbeResult> CheckAsync(ResolvedDeployment deployment, string litellmModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(litellmModel);
        var started = Stopwatch.GetTimestamp();
        var mode = ModeOf(deployment, litellmModel);
        var modeSet = deployment.ModelInfo.GetValueOrDefault("mode") is string;
        using var timeout = new UpstreamTimeout(TimeoutOf(deployment), cancellationToken);
        try
        {
            var headers = mode switch
            {
                null or "chat" => await ChatAsync(deployment, litellmModel, timeout).ConfigureAwait(false),
                "embedding" => await EmbeddingAsync(deployment, timeout).ConfigureAwait(false),
                _ => null,
            };
            return headers is null
                ? new ProbeResult(ProbeStatus.NotCheckable, $"LiteAspire does not health check mode '{mode}' yet", Stopwatch.GetElapsedTime(started), NoHeaders)
                : new ProbeResult(ProbeStatus.Healthy, null, Stopwatch.GetElapsedTime(started), headers);
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.TimedOut)
        {
            var error = timeout.TimedOut ? HealthCheckErrors.TimeoutExceeded : HealthCheckErrors.Describe(Classified(e, deployment, timeout), deployment, modeSet);
            return new ProbeResult(ProbeStatus.Unhealthy, error, Stopwatch.GetElapsedTime(started), NoHeaders);
        }
    }

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private async Task<IReadOnlyDictionary<string, string>> ChatAsync(ResolvedDeployment deployment, string litellmModel, UpstreamTimeout timeout)
    {
        var adapter = registry.Chat(deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(deployment, deployment.ModelGroup);
        var request = new JsonObject
        {
            ["model"] = deployment.UpstreamModel,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = ChatPrompt }),
        };
        if (MaxTokensOf(deployment, litellmModel) is { } maxTokens)
        {
            request["max_tokens"] = maxTokens;
        }

        RequestPreparation.ForDeployment(request, deployment);
        var call = new ChatCall
        {
            Deployment = deployment,
            DropParams = RequestPreparation.DropParams(null, deployment, settings.DropParams),
            Request = request,
        };
        return await SendAsync(deployment, timeout, token => adapter.CreateRequestAsync(call, token),
            (status, body) => adapter.ReadError(status, body, call), body => adapter.ReadResponse(body, call)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyDictionary<string, string>> EmbeddingAsync(ResolvedDeployment deployment, UpstreamTimeout timeout)
    {
        var adapter = registry.Embedding(deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(deployment, deployment.ModelGroup);
        var request = new JsonObject { ["model"] = deployment.UpstreamModel, ["input"] = new JsonArray(EmbeddingInput) };
        RequestPreparation.ForDeployment(request, deployment);
        var call = new EmbeddingCall
        {
            Deployment = deployment,
            DropParams = RequestPreparation.DropParams(null, deployment, settings.DropParams),
            Request = request,
        };
        return await SendAsync(deployment, timeout, token => adapter.CreateEmbeddingRequestAsync(call, token),
            (status, body) => adapter.ReadError(status, body, call), body => adapter.ReadEmbeddingResponse(body, call)).ConfigureAwait(false);
    }

    // Sends the adapter's request; a failed status becomes the adapter's exception, a good body must read as the mode's answer.
    private async Task<IReadOnlyDictionary<string, string>> SendAsync(ResolvedDeployment deployment, UpstreamTimeout timeout,
        Func<CancellationToken, ValueTask<HttpRequestMessage>> create, Func<int, string, ProviderException> readError, Action<JsonNode> readAnswer)
    {
        using var upstreamRequest = await create(timeout.Token).ConfigureAwait(false);
        using var response = await http.SendAsync(upstreamRequest, deployment.Provider, timeout).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw readError((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
        }

        readAnswer(await ChatPipeline.ReadJsonAsync(response, deployment.Provider, timeout.Token).ConfigureAwait(false));
        return RateLimitsOf(response);
    }

    /// <summary>
    /// LiteLLM's order: <c>model_info.health_check_max_tokens</c>, then <c>BACKGROUND_HEALTH_CHECK_MAX_TOKENS</c>, then
    /// <see cref="DefaultMaxTokens"/>; a wildcard deployment gets none from the default (the model behind it is unknown).
    /// </summary>
    internal static int? MaxTokensOf(ResolvedDeployment deployment, string litellmModel)
    {
        if (ConfigValues.NumberOf(deployment.ModelInfo.GetValueOrDefault("health_check_max_tokens")) is { } explicitTokens)
        {
            return (int)explicitTokens;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("BACKGROUND_HEALTH_CHECK_MAX_TOKENS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var global))
        {
            return global;
        }

        return litellmModel.Contains('*', StringComparison.Ordinal) ? null : DefaultMaxTokens;
    }

    private static TimeSpan TimeoutOf(ResolvedDeployment deployment) =>
        ConfigValues.NumberOf(deployment.ModelInfo.GetValueOrDefault("health_check_timeout")) is > 0 and var seconds
            ? TimeSpan.FromSeconds(seconds)
            : HealthCheckSettings.DefaultTimeout;

    // Transport failures become LiteLLM's exceptions; adapter and gateway errors already are.
    private static Exception Classified(Exception e, ResolvedDeployment deployment, UpstreamTimeout timeout) =>
        UpstreamHttp.Classify(e, deployment.Provider, timeout) ?? e;

    private static Dictionary<string, string> RateLimitsOf(HttpResponseMessage response)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in s_rateLimitHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { } value)
            {
                found[name] = value;
            }
        }

        return found;
    }
}
