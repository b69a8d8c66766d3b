namespace LiteAspire.Admin.ProxyApi.Spend;

/// <summary>The request-log calls the dashboard makes.</summary>
public static class SpendLogRequests
{
    /// <summary>
    /// One request's log by its id (<c>GET /spend/logs?request_id=</c>, a primary-key lookup), or null when there is none
    /// the operator may read (the proxy narrows non-admins to their own).
    /// </summary>
    public static async Task<SpendLog?> GetLogAsync(this ProxyApiClient proxy, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var rows = await proxy.GetAsync<List<SpendLog>>($"/spend/logs?request_id={Uri.EscapeDataString(requestId)}", cancellationToken)
            .ConfigureAwait(false);
        return rows.FirstOrDefault();
    }
}
