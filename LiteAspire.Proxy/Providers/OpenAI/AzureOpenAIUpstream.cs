namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>
/// Azure OpenAI: <c>{api_base}/openai/deployments/{deployment}/{operation}?api-version=</c>, with <c>api-key</c>
/// or, when <c>azure_ad_token</c> is set, <c>Authorization: Bearer</c>.
/// </summary>
public sealed class AzureOpenAIUpstream : OpenAIUpstream
{
    /// <summary>The API version when neither <c>api_version</c> nor <c>AZURE_API_VERSION</c> is set.</summary>
    public const string DefaultApiVersion = "2024-10-21";

    /// <inheritdoc />
    public override string Provider => "azure";

    /// <inheritdoc />
    public override Uri BuildUri(ResolvedDeployment deployment, string operation)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var apiBase = deployment.ApiBase
            ?? throw new ProviderException(LiteLLMErrorKind.BadRequestError, "azure",
                "api_base is required for azure/ models: set litellm_params.api_base or AZURE_API_BASE.", 400);
        var version = "api-version=" + Uri.EscapeDataString(deployment.ApiVersion ?? DefaultApiVersion);
        // The Responses API is not per deployment on Azure; the deployment goes in the body's model.
        var path = operation == "responses"
            ? "openai/responses"
            : $"openai/deployments/{Uri.EscapeDataString(deployment.UpstreamModel)}/{operation}";
        return Combine(apiBase, path, version);
    }

    /// <inheritdoc />
    public override void Authenticate(HttpRequestMessage request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        if (deployment.GetString("azure_ad_token") is { Length: > 0 } token)
        {
            SetBearer(request, token);
            return;
        }

        if (deployment.ApiKey is not { Length: > 0 } key)
        {
            throw new ProviderException(LiteLLMErrorKind.AuthenticationError, "azure",
                "Missing credentials: set litellm_params.api_key (or AZURE_API_KEY) or azure_ad_token.", 401);
        }

        request.Headers.TryAddWithoutValidation("api-key", key);
    }
}
