namespace LiteAspire.Proxy.Providers.VertexAI;

/// <summary>Vertex AI publisher-model URLs.</summary>
public static class VertexAIEndpoint
{
    /// <summary>
    /// <c>https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:{method}</c>
    /// (<c>global</c> uses <c>aiplatform.googleapis.com</c>). With <c>api_base</c>: a base that already names the model
    /// (contains <c>/publishers/</c>) gets <c>:{method}</c> appended, any other base replaces the scheme and host.
    /// </summary>
    public static string Url(string? apiBase, string project, string location, string model, string method)
    {
        var path = $"/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:{method}";
        if (string.IsNullOrWhiteSpace(apiBase))
        {
            var host = location == "global" ? "aiplatform.googleapis.com" : $"{location}-aiplatform.googleapis.com";
            return "https://" + host + path;
        }

        var trimmed = apiBase.TrimEnd('/');
        return trimmed.Contains("/publishers/", StringComparison.Ordinal) ? $"{trimmed}:{method}" : trimmed + path;
    }
}
