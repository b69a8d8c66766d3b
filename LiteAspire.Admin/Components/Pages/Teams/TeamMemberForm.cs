using LiteAspire.Admin.ProxyApi.Teams;

namespace LiteAspire.Admin.Components.Pages.Teams;

/// <summary>The member to add: a user id or an email (a user that does not exist is created), and a role.</summary>
public sealed class TeamMemberForm
{
    /// <summary>The user's id.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's email.</summary>
    public string? UserEmail { get; set; }

    /// <summary><c>admin</c> or <c>user</c>.</summary>
    public string Role { get; set; } = TeamMember.UserRole;

    /// <summary>The <c>/team/member_add</c> body; <see cref="FormatException"/> when neither id nor email is given.</summary>
    public TeamMemberAddRequest ToRequest(string teamId)
    {
        var userId = string.IsNullOrWhiteSpace(UserId) ? null : UserId.Trim();
        var email = string.IsNullOrWhiteSpace(UserEmail) ? null : UserEmail.Trim();
        if (userId is null && email is null)
        {
            throw new FormatException("Enter the user's id or email.");
        }

        return new TeamMemberAddRequest(teamId, new TeamMember(Role, userId, email));
    }
}
