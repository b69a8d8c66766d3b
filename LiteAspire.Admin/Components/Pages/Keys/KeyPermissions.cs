using LiteAspire.Admin.Auth;
using LiteAspire.Admin.ProxyApi.Choices;
using LiteAspire.Admin.ProxyApi.Keys;

namespace LiteAspire.Admin.Components.Pages.Keys;

/// <summary>
/// Which key actions the dashboard offers the operator, by LiteLLM's rules (the proxy enforces the same ones): a proxy
/// admin changes any key; an internal user their own personal keys, every key of a team they administer, and their own
/// keys of other teams only where the team's <c>team_member_permissions</c> allow; block and unblock are for proxy
/// admins and team admins; viewers change nothing.
/// </summary>
public sealed class KeyPermissions(Operator who, IReadOnlyList<TeamChoice> teams)
{
    // What a team member (not admin) may do on their own keys when the team sets no permissions (LiteLLM's default).
    private static readonly string[] s_defaultMemberRoutes = ["/key/info", "/key/health"];

    /// <summary>The operator.</summary>
    public Operator Operator { get; } = who;

    /// <summary>Refuses (403) what the operator may not do, before the proxy is called.</summary>
    public void Require(bool allowed, string action) => Operator.Require(allowed, action);

    /// <summary>May create keys.</summary>
    public bool CanCreate => Operator.CanManageKeys;

    /// <summary>May change settings of <paramref name="key"/>.</summary>
    public bool CanEdit(VirtualKey key) => May(key, "/key/update");

    /// <summary>May regenerate <paramref name="key"/>.</summary>
    public bool CanRegenerate(VirtualKey key) => May(key, "/key/regenerate");

    /// <summary>May delete <paramref name="key"/>.</summary>
    public bool CanDelete(VirtualKey key) => May(key, "/key/delete");

    /// <summary>May block or unblock <paramref name="key"/>.</summary>
    public bool CanBlock(VirtualKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Operator.IsAdmin || (Operator.CanManageKeys && TeamOf(key)?.IsAdmin(Operator.UserId) == true);
    }

    /// <summary>May do anything at all to <paramref name="key"/> (whether its row shows actions).</summary>
    public bool CanChangeAny(VirtualKey key) => CanEdit(key) || CanRegenerate(key) || CanDelete(key) || CanBlock(key);

    private bool May(VirtualKey key, string route)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Operator.IsAdmin)
        {
            return true;
        }

        if (!Operator.CanManageKeys || Operator.UserId is null)
        {
            return false;
        }

        if (key.TeamId is null)
        {
            return key.UserId == Operator.UserId;
        }

        var team = TeamOf(key);
        if (team?.IsAdmin(Operator.UserId) == true)
        {
            return true;
        }

        var allowed = team?.TeamMemberPermissions is { Count: > 0 } own ? own : s_defaultMemberRoutes;
        return team is not null && key.UserId == Operator.UserId && allowed.Contains(route, StringComparer.Ordinal);
    }

    private TeamChoice? TeamOf(VirtualKey key) => key.TeamId is null ? null : teams.FirstOrDefault(t => t.TeamId == key.TeamId);
}
