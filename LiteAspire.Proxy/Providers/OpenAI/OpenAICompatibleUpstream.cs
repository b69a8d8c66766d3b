using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>OpenAI itself and every OpenAI-compatible provider: <c>{api_base}/{operation}</c> with <c>Authorization: Bearer</c>.</summary>
public sealed class OpenAICompatibleUpstream(OpenAICompatibleProvider row) : OpenAIUpstream
{
    /// <summary>The table row.</summary>
    public OpenAICompatibleProvider Row { get; } = row;

    /// <inheritdoc />
    public override string Provider => Row.Prefix;

    /// <inheritdoc />
    public override IReadOnlySet<string> UnsupportedParams => Row.UnsupportedParams;

    /// <inheritdoc />
    public override bool SupportsStreamOptions => Row.SupportsStreamOptions;

    /// <inheritdoc />
    public override Uri BuildUri(ResolvedDeployment deployment, string operation)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var apiBase = deployment.ApiBase ?? Row.DefaultApiBase
            ?? throw new ProviderException(LiteLLMErrorKind.BadRequestError, Row.Prefix,
                $"api_base is required for {Row.Prefix}/ models: set litellm_params.api_base or {string.Join(" / ", Row.ApiBaseVariables)}.", 400);
        return Combine(apiBase, operation);
    }

    /// <inheritdoc />
    public override void Authenticate(HttpRequestMessage request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        if (deployment.ApiKey is { Length: > 0 } key)
        {
            SetBearer(request, key);
        }
        else if (Row.RequiresApiKey && (deployment.ApiBase is null || Row.Prefix != "openai"))
        {
            // An openai/ deployment with its own api_base is a generic OpenAI-compatible server, which may take no key.
            throw new ProviderException(LiteLLMErrorKind.AuthenticationError, Row.Prefix,
                $"Missing API key: set litellm_params.api_key or the {string.Join(" / ", Row.ApiKeyVariables)} environment variable.", 401);
        }

        if (deployment.GetString("organization") is { Length: > 0 } organization)
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Organization", organization);
        }
    }

    /// <inheritdoc />
    public override bool AdjustsChatRequest => Row.AdjustChatRequest is not null;

    /// <inheritdoc />
    public override void AdjustChatRequest(JsonObject body) => Row.AdjustChatRequest?.Invoke(body);
}
