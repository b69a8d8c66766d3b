using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Choices;

namespace LiteAspire.Admin.Components.Tenancy;

/// <summary>The model names the proxy serves (<see cref="ModelChoices"/>), offered when a form restricts models.</summary>
public static class ProxyModelNames
{
    /// <summary>The names, sorted; empty when the proxy cannot say (the form then keeps what it has).</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(ProxyApiClient proxy)
    {
        try
        {
            return await ModelChoices.LoadAsync(proxy);
        }
        catch (ProxyApiException)
        {
            return [];
        }
    }
}
