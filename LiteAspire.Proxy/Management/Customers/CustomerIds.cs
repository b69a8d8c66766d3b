using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>The <c>user_ids</c> list of delete, block and unblock.</summary>
public static class CustomerIds
{
    /// <summary>The distinct ids; 400 when the list is missing, empty or holds an empty id.</summary>
    public static List<string> Read(CustomerIdsRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.UserIds is not { Count: > 0 } ids)
        {
            throw ManagementErrors.BadRequest("user_ids is required: a list of customer ids.", "user_ids");
        }

        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'user_ids': ids must not be empty.", "user_ids");
        }

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>404 naming the ids <paramref name="found"/> lacks.</summary>
    public static void RequireAll(IReadOnlyList<string> ids, IReadOnlyList<EndUserTable> found)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(found);
        var missing = ids.Where(id => !found.Any(row => row.UserId == id)).ToList();
        if (missing.Count > 0)
        {
            throw ManagementErrors.NotFound($"End User Id(s)={string.Join(", ", missing)} do not exist in db", "user_ids");
        }
    }

    /// <summary>Python's <c>str(list)</c> of the ids, which LiteLLM's messages show: <c>['a', 'b']</c>.</summary>
    public static string PythonList(IEnumerable<string> ids) => "[" + string.Join(", ", ids.Select(id => $"'{id}'")) + "]";
}
