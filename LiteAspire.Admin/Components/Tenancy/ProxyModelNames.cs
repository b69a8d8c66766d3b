using LiteAspire.Admin.ProxyApi;

namespace LiteAspire.Admin.Components.Tenancy;

/// <summary>The model names the proxy serves (<c>GET /v1/models</c>), offered when a form restricts models.</summary>
public static class ProxyModelNames
{
    /// <summary>The names, sorted; empty when the proxy cannot say (the form then keeps what it has).</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(ProxyApiClient proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        try
        {
            var list = await proxy.GetAsync<ModelList>("/v1/models");
            return list.Data.Select(m => m.Id).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
        catch (ProxyApiException)
        {
            return [];
        }
    }

    /// <summary>OpenAI's model list.</summary>
    /// <param name="Data">The models.</param>
    public sealed record ModelList(IReadOnlyList<ModelEntry> Data);

    /// <summary>One model of the list.</summary>
    /// <param name="Id">Its name.</param>
    public sealed record ModelEntry(string Id);
}
