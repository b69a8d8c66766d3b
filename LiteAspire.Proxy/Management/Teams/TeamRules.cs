using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Validation of team settings and members: every refusal a 400 naming the field, before anything is written.</summary>
internal static class TeamRules
{
    /// <summary>The roles a team member may have.</summary>
    public static readonly IReadOnlyList<string> Roles = [LiteLLMRoles.TeamAdmin, LiteLLMRoles.TeamUser];

    public static void Validate(TeamSettings settings)
    {
        ManagementErrors.RequireNonNegative(settings.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(settings.SoftBudget, "soft_budget");
        ManagementErrors.RequireNonNegative(settings.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(settings.RpmLimit, "rpm_limit");
        ManagementErrors.RequireNonNegative(settings.MaxParallelRequests, "max_parallel_requests");
        ManagementErrors.RequireNonNegative(settings.TeamMemberBudget, "team_member_budget");
        ManagementErrors.RequireNonNegative(settings.TeamMemberRpmLimit, "team_member_rpm_limit");
        ManagementErrors.RequireNonNegative(settings.TeamMemberTpmLimit, "team_member_tpm_limit");
        ManagementErrors.RequireDuration(settings.BudgetDuration, "budget_duration");
        RequireNonNegative(settings.ModelRpmLimit, "model_rpm_limit");
        RequireNonNegative(settings.ModelTpmLimit, "model_tpm_limit");
        if (settings.TeamId is { } teamId && string.IsNullOrWhiteSpace(teamId))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'team_id': must not be empty.", "team_id");
        }
    }

    /// <summary>Checks each member (a known role; a user id or email) and that no user appears twice.</summary>
    public static void ValidateMembers(IReadOnlyList<MemberRequest> members, string field, IReadOnlyList<string> roles)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var at = members.Count == 1 && field == "member" ? field : $"{field}[{i}]";
            if (member is null)
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{at}': expected a member object.", at);
            }

            if (member.Role is null || !roles.Contains(member.Role))
            {
                throw ManagementErrors.BadRequest(
                    $"Invalid value for '{at}.role': '{member.Role ?? "null"}' is not one of {string.Join(", ", roles)}.", $"{at}.role");
            }

            if (string.IsNullOrWhiteSpace(member.UserId) && string.IsNullOrWhiteSpace(member.UserEmail))
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{at}': either user_id or user_email needs to be passed in.", at);
            }

            if ((member.UserId is { } id && !seen.Add("id:" + id)) || (member.UserEmail is { } email && !seen.Add("email:" + email)))
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{at}': the same user is listed twice.", at);
            }
        }
    }

    private static void RequireNonNegative(Dictionary<string, long>? limits, string field)
    {
        foreach (var (model, limit) in limits ?? [])
        {
            ManagementErrors.RequireNonNegative(limit, $"{field}.{model}");
        }
    }
}
