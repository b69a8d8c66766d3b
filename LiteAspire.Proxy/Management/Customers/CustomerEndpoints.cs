using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>LiteLLM's customer (end user) management, under <c>/customer/*</c> and its older name <c>/end_user/*</c>.</summary>
public static class CustomerEndpoints
{
    /// <summary>Maps the customer routes under both prefixes.</summary>
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in (ReadOnlySpan<string>)["/customer", "/end_user"])
        {
            group.MapPost(prefix + "/new", static (HttpContext context, ModelRouter router, EndUserLookup endUsers, ILiveSpend spend, CancellationToken cancellationToken) =>
                NewCustomer.HandleAsync(context, router, endUsers, spend, cancellationToken));
            group.MapPost(prefix + "/update", static (HttpContext context, ModelRouter router, ApiKeyCache keys, EndUserLookup endUsers, ILiveSpend spend, CancellationToken cancellationToken) =>
                UpdateCustomer.HandleAsync(context, router, keys, endUsers, spend, cancellationToken));
            group.MapGet(prefix + "/info", static (HttpContext context, CancellationToken cancellationToken) =>
                CustomerInfo.InfoAsync(context, cancellationToken));
            group.MapGet(prefix + "/list", static (HttpContext context, CancellationToken cancellationToken) =>
                CustomerInfo.ListAsync(context, cancellationToken));
            group.MapPost(prefix + "/delete", static (HttpContext context, EndUserLookup endUsers, ILiveSpend spend, CancellationToken cancellationToken) =>
                DeleteCustomers.HandleAsync(context, endUsers, spend, cancellationToken));
            group.MapPost(prefix + "/block", static (HttpContext context, EndUserLookup endUsers, CancellationToken cancellationToken) =>
                BlockCustomers.BlockAsync(context, endUsers, cancellationToken));
            group.MapPost(prefix + "/unblock", static (HttpContext context, EndUserLookup endUsers, CancellationToken cancellationToken) =>
                BlockCustomers.UnblockAsync(context, endUsers, cancellationToken));
        }

        return group;
    }
}
