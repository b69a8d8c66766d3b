using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Gemini;

namespace LiteAspire.Proxy.Providers.VertexAI;

/// <summary>
/// Vertex AI (<c>vertex_ai/</c>): Gemini chat through the shared Gemini translation, and text embeddings through <c>:predict</c>, on
/// the publisher-model endpoint with an OAuth2 bearer token from <c>vertex_credentials</c> or Application Default Credentials.
/// Anthropic on Vertex (<c>vertex_ai/claude-*</c>, <c>:rawPredict</c>) is not served yet: a 400 says so.
/// </summary>
public sealed class VertexAIChatAdapter() : GoogleGenerativeAdapter(Provider)
{
    /// <summary>The provider prefix this adapter serves.</summary>
    public const string Provider = "vertex_ai";

    private readonly VertexAICredentials _credentials = new();

    /// <inheritdoc />
    public override ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var model = GoogleHttp.ModelName(call);
        if (model.StartsWith("claude", StringComparison.OrdinalIgnoreCase))
        {
            throw GeminiErrors.BadRequest(Provider,
                $"Anthropic models on Vertex AI (vertex_ai/{model}, :rawPredict) are not supported by this proxy yet; use the anthropic/ provider", "model");
        }

        var body = GeminiRequest.Translate(call, Provider);
        return CreateAsync(call.Deployment, model, call.Stream ? "streamGenerateContent?alt=sse" : "generateContent", body, cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var model = EmbeddingModel(call);
        return CreateAsync(call.Deployment, model, "predict", VertexAIEmbeddings.TranslateRequest(call, model, Provider), cancellationToken);
    }

    /// <inheritdoc />
    public override JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return VertexAIEmbeddings.TranslateResponse(upstreamBody, EmbeddingModel(call), Provider);
    }

    private async ValueTask<HttpRequestMessage> CreateAsync(ResolvedDeployment deployment, string model, string method, JsonObject body,
        CancellationToken cancellationToken)
    {
        var location = GoogleHttp.Setting(deployment, "vertex_location", "VERTEXAI_LOCATION", "VERTEX_LOCATION") ?? "us-central1";
        var project = GoogleHttp.Setting(deployment, "vertex_project", "VERTEXAI_PROJECT", "VERTEX_PROJECT", "GOOGLE_CLOUD_PROJECT");

        // A custom api_base with its own Authorization header (a gateway in front of Vertex) needs no Google token.
        VertexAICredentials.LoadedCredential? credential = null;
        if (!(deployment.ApiBase is not null && GoogleHttp.HasAuthorizationHeader(deployment)))
        {
            credential = await _credentials.GetAsync(GoogleHttp.Setting(deployment, "vertex_credentials", "VERTEXAI_CREDENTIALS")).ConfigureAwait(false);
            project ??= credential.ProjectId;
        }

        if (string.IsNullOrEmpty(project))
        {
            throw GeminiErrors.BadRequest(Provider, "vertex_project is not set (litellm_params.vertex_project, VERTEXAI_PROJECT, or project_id in vertex_credentials)");
        }

        var message = GoogleHttp.JsonPost(VertexAIEndpoint.Url(deployment.ApiBase, project, location, model, method), body, deployment);
        if (credential is not null)
        {
            var token = await credential.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return message;
    }
}
