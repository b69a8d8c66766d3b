using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>The <c>anthropic/</c> provider: OpenAI chat completions over Anthropic's Messages API.</summary>
public sealed class AnthropicChatAdapter : IChatAdapter
{
    /// <summary>The provider prefix this adapter serves.</summary>
    public const string Prefix = "anthropic";

    /// <summary>Anthropic's API when the deployment has no api_base.</summary>
    public const string DefaultApiBase = "https://api.anthropic.com";

    /// <summary>The API version LiteLLM pins.</summary>
    public const string ApiVersion = "2023-06-01";

    private readonly Func<string, string?> _environment;

    /// <summary>Reads credentials from the process environment.</summary>
    public AnthropicChatAdapter() : this(Environment.GetEnvironmentVariable) { }

    /// <summary>Reads environment variables through <paramref name="environment"/> (tests, or a host with its own settings source).</summary>
    public AnthropicChatAdapter(Func<string, string?> environment)
    {
        _environment = environment;
    }

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = AnthropicRequestTranslator.Translate(call.Request, call.DropParams);
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(call.Deployment.ApiBase))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var apiKey = call.Deployment.ApiKey ?? _environment("ANTHROPIC_API_KEY");
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }
        else if (_environment("ANTHROPIC_AUTH_TOKEN") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            request.Dispose();
            throw new ProviderException(LiteLLMErrorKind.AuthenticationError, Prefix,
                "Missing Anthropic API Key - A call is being made to anthropic but no key is set either in the environment variables "
                + "(ANTHROPIC_API_KEY) or via params (api_key).", 401);
        }

        request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        if (call.ForwardedHeaders.TryGetValue("anthropic-beta", out var beta) && beta.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("anthropic-beta", beta);
        }

        if (call.Request["extra_headers"] is JsonObject extraHeaders)
        {
            foreach (var (name, value) in extraHeaders)
            {
                if (JsonRead.String(value) is { } headerValue)
                {
                    request.Headers.Remove(name);
                    request.Headers.TryAddWithoutValidation(name, headerValue);
                }
            }
        }

        if (call.Stream)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        return ValueTask.FromResult(request);
    }

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return AnthropicResponseTranslator.Translate(upstreamBody, AnthropicRequestTranslator.IsJsonMode(call.Request));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return AnthropicStreamTranslator.TranslateAsync(upstream, AnthropicRequestTranslator.IsJsonMode(call.Request), cancellationToken);
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => AnthropicErrors.FromResponse(statusCode, body);

    /// <summary>
    /// <c>{api_base}/v1/messages</c>; an api_base that already ends in <c>/v1/messages</c> is used as given, one ending in
    /// <c>/v1</c> gets <c>/messages</c>.
    /// </summary>
    public static Uri MessagesUrl(string? apiBase)
    {
        var root = (string.IsNullOrWhiteSpace(apiBase) ? DefaultApiBase : apiBase).TrimEnd('/');
        if (root.EndsWith("/v1/messages", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(root);
        }

        return new Uri(root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? root + "/messages" : root + "/v1/messages");
    }
}
