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
            group.MapPost(prefix + "/new", NewCustomer.HandleAsync);
            group.MapPost(prefix + "/update", UpdateCustomer.HandleAsync);
            group.MapGet(prefix + "/info", CustomerInfo.InfoAsync);
            group.MapGet(prefix + "/list", CustomerInfo.ListAsync);
            group.MapPost(prefix + "/delete", DeleteCustomers.HandleAsync);
            group.MapPost(prefix + "/block", BlockCustomers.BlockAsync);
            group.MapPost(prefix + "/unblock", BlockCustomers.UnblockAsync);
        }

        return group;
    }
}
