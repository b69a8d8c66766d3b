using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Teams;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// <c>POST /organization/member_add</c> (proxy admins and the organization's <c>org_admin</c>s): adds one member or a list
/// with a role (<c>org_admin</c>, <c>internal_user</c>, <c>internal_user_viewer</c>) as <c>LiteLLM_OrganizationMembership</c>
/// rows, creating users that do not exist; one invalid member or an existing member refuses the whole request.
/// </summary>
internal static class OrganizationMemberAddEndpoint
{
    private static readonly IReadOnlyList<string> s_roles = [LiteLLMRoles.OrgAdmin, LiteLLMRoles.InternalUser, LiteLLMRoles.InternalUserViewer];

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var request = await ManagementJson.ReadAsync<OrganizationMemberAddRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var organizationId = request.OrganizationId ?? throw ManagementErrors.BadRequest("'organization_id' is required.", "organization_id");
        if (MemberList.Read(request.Member, "member") is not { Count: > 0 } members)
        {
            throw ManagementErrors.BadRequest("No member/members passed in. 'member' is required.", "member");
        }

        TeamRules.ValidateMembers(members, "member", s_roles);
        ManagementErrors.RequireNonNegative(request.MaxBudgetInOrganization, "max_budget_in_organization");

        var db = ManagementDb.Of(context);
        var organization = await OrganizationAccess.FindAsync(db, organizationId, "organization_id", cancellationToken).ConfigureAwait(false);
        await OrganizationAccess.RequireMemberAdminAsync(db, caller, organizationId, cancellationToken).ConfigureAwait(false);

        var now = ManagementClock.Now(context);
        var author = ManagementClock.Author(caller);
        var users = new List<UserView>();
        var memberships = new List<OrganizationMembershipView>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var at = members.Count == 1 ? "member" : $"member[{i}]";
            var user = await MemberUsers.FindOrCreateAsync(db, member, at, now, cancellationToken).ConfigureAwait(false);
            if (await db.OrganizationMemberships.FindAsync([user.UserId, organizationId], cancellationToken).ConfigureAwait(false) is not null)
            {
                throw ManagementErrors.BadRequest(
                    $"User={user.UserId} is already a member of organization={organizationId}. Use /organization/member_update to change their role.", at);
            }

            BudgetTable? budget = null;
            if (request.MaxBudgetInOrganization is { } max)
            {
                budget = new BudgetTable { BudgetId = Guid.NewGuid().ToString(), MaxBudget = max, CreatedAt = now, CreatedBy = author, UpdatedAt = now, UpdatedBy = author };
                db.Budgets.Add(budget);
            }

            var membership = new OrganizationMembership
            {
                UserId = user.UserId,
                OrganizationId = organization.OrganizationId,
                UserRole = member.Role,
                BudgetId = budget?.BudgetId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.OrganizationMemberships.Add(membership);
            users.Add(UserView.From(user));
            memberships.Add(OrganizationMembershipView.From(membership, budget));
        }

        await DbWrites.SaveAsync(db, "A member was added to this organization at the same time; retry the request.", "member", cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new OrganizationMemberAddResponse(organizationId, users, memberships));
    }
}

/// <summary>LiteLLM's answer to <c>/organization/member_add</c>.</summary>
public sealed record OrganizationMemberAddResponse(string OrganizationId, IReadOnlyList<UserView> UpdatedUsers,
    IReadOnlyList<OrganizationMembershipView> UpdatedOrganizationMemberships);
