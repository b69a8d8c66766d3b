using System.Net.Http.Headers;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>
/// Where and how to reach an OpenAI-shaped upstream: the URL of an operation (<c>chat/completions</c>, <c>embeddings</c>,
/// <c>images/generations</c>, ...) and its auth headers. Shared by the chat/embedding adapter and the pass-through routes.
/// </summary>
public abstract class OpenAIUpstream
{
    /// <summary>The provider prefix.</summary>
    public abstract string Provider { get; }

    /// <summary>OpenAI parameters this provider rejects.</summary>
    public virtual IReadOnlySet<string> UnsupportedParams { get; } = new HashSet<string>();

    /// <summary>False when the provider rejects <c>stream_options</c>.</summary>
    public virtual bool SupportsStreamOptions => true;

    /// <summary>The URL for <paramref name="operation"/> (an OpenAI path without the version, e.g. <c>chat/completions</c>).</summary>
    /// <exception cref="ProviderException">The deployment has no usable api_base.</exception>
    public abstract Uri BuildUri(ResolvedDeployment deployment, string operation);

    /// <summary>Adds the credential headers.</summary>
    /// <exception cref="ProviderException">The provider needs a key and none is configured.</exception>
    public abstract void Authenticate(HttpRequestMessage request, ResolvedDeployment deployment);

    /// <summary>True when <see cref="AdjustChatRequest"/> may change a body (the adapter then edits a copy of the request).</summary>
    public virtual bool AdjustsChatRequest => false;

    /// <summary>A provider-specific last fix-up of a chat body.</summary>
    public virtual void AdjustChatRequest(System.Text.Json.Nodes.JsonObject body)
    {
    }

    // Every call to a deployment builds the same few URLs: parse each once. Uri is immutable; bounded against odd configs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string?), Uri> s_uris = new();

    /// <summary>Joins a base URL and a path with exactly one slash, keeping the base's query string (Azure's api-version).</summary>
    protected static Uri Combine(string apiBase, string path, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        ArgumentNullException.ThrowIfNull(path);
        if (s_uris.TryGetValue((apiBase, path, query), out var cached))
        {
            return cached;
        }

        var uri = Build(apiBase, path, query);
        if (s_uris.Count < 1024)
        {
            s_uris.TryAdd((apiBase, path, query), uri);
        }

        return uri;
    }

    private static Uri Build(string apiBase, string path, string? query)
    {
        var builder = new UriBuilder(apiBase.TrimEnd('/'));
        builder.Path = builder.Path.TrimEnd('/') + "/" + path.TrimStart('/');
        var existing = builder.Query.TrimStart('?');
        builder.Query = (existing.Length, query) switch
        {
            (0, null) => "",
            (0, _) => query,
            (_, null) => existing,
            _ => existing + "&" + query,
        };
        return builder.Uri;
    }

    /// <summary>Sets <c>Authorization: Bearer</c>.</summary>
    protected static void SetBearer(HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
