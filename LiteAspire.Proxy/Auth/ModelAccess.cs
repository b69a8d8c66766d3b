using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// LiteLLM's model access rules, key → team → user → organization: an empty list allows every model at that level;
/// entries are model names, wildcards (<c>gpt-*</c>, <c>openai/*</c>), access groups (<c>model_info.access_groups</c>)
/// and the special names <c>all-proxy-models</c> (everything) and <c>all-team-models</c> (whatever the team allows).
/// </summary>
public sealed class ModelAccess
{
    /// <summary>Every model of the proxy.</summary>
    public const string AllProxyModels = "all-proxy-models";

    /// <summary>Whatever the key's team may use.</summary>
    public const string AllTeamModels = "all-team-models";

    /// <summary>No model unless granted explicitly (a user's default).</summary>
    public const string NoDefaultModels = "no-default-models";

    private readonly ModelRouter _router;
    private volatile GroupsSnapshot _accessGroups;

    /// <summary>Reads the access groups (<c>model_info.access_groups</c>) of the router's current deployments.</summary>
    public ModelAccess(ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        _router = router;
        _accessGroups = new GroupsSnapshot(router.Table, GroupsOf(router.Table));
    }

    /// <summary>Throws LiteLLM's 401 <c>*_model_access_denied</c> unless every level lets <paramref name="caller"/> call <paramref name="model"/>.</summary>
    public void Check(ApiKeyAuth caller, string model)
    {
        if (Denial(caller, model) is { } denied)
        {
            throw new GatewayException(401,
                $"{denied.Level} not allowed to access model. This {denied.Level} can only access models=[{string.Join(", ", denied.Allowed.Select(m => $"'{m}'"))}]. Tried to access {model}",
                denied.ErrorType, "model");
        }
    }

    /// <summary>True when every level lets <paramref name="caller"/> call <paramref name="model"/> (what <c>/v1/models</c> lists).</summary>
    public bool CanCall(ApiKeyAuth caller, string model) => Denial(caller, model) is null;

    // The first level (key, then team or user, then organization) that does not let the caller at the model, or null.
    private (string Level, string ErrorType, IReadOnlyList<string> Allowed)? Denial(ApiKeyAuth caller, string model)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(model);
        if (caller.IsMasterKey)
        {
            return null;
        }

        var keyModels = caller.Models;
        if (keyModels.Contains(AllTeamModels) && caller.Team is not null)
        {
            keyModels = [];
        }

        if (!Allows(keyModels, model))
        {
            return ("key", "key_model_access_denied", keyModels);
        }

        if (caller.Team is { } team)
        {
            if (!Allows(team.Models, model))
            {
                return ("team", "team_model_access_denied", team.Models);
            }
        }
        else if (caller.User is { } user && !Allows(user.Models, model))
        {
            // LiteLLM applies the user's models to personal keys only; team keys answer to the team.
            return ("user", "user_model_access_denied", user.Models);
        }

        if (caller.Organization is { } organization && !Allows(organization.Models, model))
        {
            return ("organization", "org_model_access_denied", organization.Models);
        }

        return null;
    }

    /// <summary>True when <paramref name="allowed"/> (one level's list) lets <paramref name="model"/> through.</summary>
    public bool Allows(IReadOnlyList<string> allowed, string model)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Count == 0)
        {
            return true;
        }

        foreach (var entry in allowed)
        {
            if (entry is AllProxyModels || entry == model || Matches(entry, model)
                || (AccessGroups().TryGetValue(entry, out var members) && members.Contains(model)))
            {
                return true;
            }
        }

        return false;
    }

    // Rebuilt only when the router's table is swapped (models added or removed through the API).
    private Dictionary<string, HashSet<string>> AccessGroups()
    {
        var current = _accessGroups;
        var table = _router.Table;
        if (!ReferenceEquals(current.Table, table))
        {
            current = new GroupsSnapshot(table, GroupsOf(table));
            _accessGroups = current;
        }

        return current.Groups;
    }

    private static Dictionary<string, HashSet<string>> GroupsOf(DeploymentTable table)
    {
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in table.Deployments)
        {
            if (entry.Source.ModelInfo.TryGetValue("access_groups", out var names) && names is IEnumerable<object?> list)
            {
                foreach (var name in list.OfType<string>())
                {
                    if (!groups.TryGetValue(name, out var models))
                    {
                        groups[name] = models = new HashSet<string>(StringComparer.Ordinal);
                    }

                    models.Add(entry.Source.ModelName);
                }
            }
        }

        return groups;
    }

    private sealed record GroupsSnapshot(DeploymentTable Table, Dictionary<string, HashSet<string>> Groups);

    private static bool Matches(string pattern, string model)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star >= 0
            && model.Length >= pattern.Length - 1
            && model.AsSpan().StartsWith(pattern.AsSpan(0, star), StringComparison.Ordinal)
            && model.AsSpan().EndsWith(pattern.AsSpan(star + 1), StringComparison.Ordinal);
    }
}
