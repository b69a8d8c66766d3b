using LiteAspire.Admin.ProxyApi.Organizations;

namespace LiteAspire.Admin.Components.Pages.Organizations;

/// <summary>The member to add to an organization: a user id or an email (a missing user is created), and a role.</summary>
public sealed class OrganizationMemberForm
{
    /// <summary>The user's id.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's email.</summary>
    public string? UserEmail { get; set; }

    /// <summary><c>org_admin</c>, <c>internal_user</c> or <c>internal_user_viewer</c>.</summary>
    public string Role { get; set; } = "internal_user";

    /// <summary>The <c>/organization/member_add</c> body; <see cref="FormatException"/> when neither id nor email is given.</summary>
    public OrganizationMemberAddRequest ToRequest(string organizationId)
    {
        var userId = string.IsNullOrWhiteSpace(UserId) ? null : UserId.Trim();
        var email = string.IsNullOrWhiteSpace(UserEmail) ? null : UserEmail.Trim();
        if (userId is null && email is null)
        {
            throw new FormatException("Enter the user's id or email.");
        }

        return new OrganizationMemberAddRequest(organizationId, new OrganizationMemberRequest(Role, userId, email));
    }

    /// <summary>How a role reads on the page.</summary>
    public static string Describe(string? role) => role switch
    {
        OrganizationMember.OrgAdminRole => "Organization admin",
        "internal_user" => "Internal user",
        "internal_user_viewer" => "Internal viewer",
        _ => role ?? "Internal user",
    };
}
