using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Admin.ProxyApi.Users;

/// <summary>A page of users to ask <c>GET /user/list</c> for: paging and filters done by the proxy.</summary>
public sealed record UserListQuery
{
    /// <summary>Page sizes the users page offers (the proxy allows up to 100).</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Users per page.</summary>
    public int PageSize { get; init; } = 25;

    /// <summary>Part of the email (any case).</summary>
    public string? Email { get; init; }

    /// <summary>A user id (exact).</summary>
    public string? UserId { get; init; }

    /// <summary>A LiteLLM role.</summary>
    public string? Role { get; init; }

    /// <summary>True when a filter narrows the list.</summary>
    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(UserId) || !string.IsNullOrWhiteSpace(Role);

    /// <summary>The path and query of the request.</summary>
    public string ToPathAndQuery()
    {
        var query = new Dictionary<string, string?>
        {
            ["page"] = Page.ToString(CultureInfo.InvariantCulture),
            ["page_size"] = PageSize.ToString(CultureInfo.InvariantCulture),
        };
        Add(query, "user_email", Email);
        Add(query, "user_ids", UserId);
        Add(query, "role", Role);
        return QueryHelpers.AddQueryString("/user/list", query);
    }

    private static void Add(Dictionary<string, string?> query, string name, string? value)
    {
        if (UpdateBody.Trimmed(value) is { } trimmed)
        {
            query[name] = trimmed;
        }
    }
}
