using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>A page of keys to ask <c>GET /key/list</c> for: paging, search and filters all done by the proxy.</summary>
public sealed record KeyListQuery
{
    /// <summary>Page sizes the keys page offers (the proxy allows up to 100).</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Keys per page.</summary>
    public int Size { get; init; } = 25;

    /// <summary>The search box's text (<see cref="KeySearch"/>).</summary>
    public string? Search { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>
    /// Also list the keys of teams the operator administers (non-admins; the proxy always scopes them to their own keys).
    /// </summary>
    public bool IncludeTeamKeys { get; init; }

    /// <summary>True when a search or filter narrows the list.</summary>
    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(TeamId) || !string.IsNullOrWhiteSpace(UserId)
        || !string.IsNullOrWhiteSpace(OrganizationId);

    /// <summary>The path and query of the request.</summary>
    public string ToPathAndQuery()
    {
        var search = KeySearch.Parse(Search);
        var query = new Dictionary<string, string?>
        {
            ["page"] = Page.ToString(CultureInfo.InvariantCulture),
            ["size"] = Size.ToString(CultureInfo.InvariantCulture),
            ["return_full_object"] = "true",
        };
        Add(query, "key_alias", search.KeyAlias);
        Add(query, "key_hash", search.KeyHash);
        Add(query, "team_id", TeamId);
        Add(query, "user_id", UserId);
        Add(query, "organization_id", OrganizationId);
        if (IncludeTeamKeys)
        {
            query["include_team_keys"] = "true";
        }

        return QueryHelpers.AddQueryString("/key/list", query);
    }

    private static void Add(Dictionary<string, string?> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query[name] = value.Trim();
        }
    }
}
