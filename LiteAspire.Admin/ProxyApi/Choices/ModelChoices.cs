namespace LiteAspire.Admin.ProxyApi.Choices;

/// <summary>The models the operator may give a key or user: <c>GET /v1/models</c>, which lists what the operator's key may call.</summary>
public static class ModelChoices
{
    /// <summary>The model names, sorted.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(ProxyApiClient proxy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var list = await proxy.GetAsync<ModelListResponse>("/v1/models", cancellationToken).ConfigureAwait(false);
        return [.. list.Data.Select(m => m.Id).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>OpenAI's model list.</summary>
    /// <param name="Data">The models.</param>
    public sealed record ModelListResponse(IReadOnlyList<ModelEntry> Data);

    /// <summary>One model of the list.</summary>
    /// <param name="Id">The model name clients call.</param>
    public sealed record ModelEntry(string Id);
}
