using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary><c>POST /key/generate</c>: a new virtual key; the plaintext is in this answer only, the database keeps its SHA-256.</summary>
public static class GenerateKeyEndpoint
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var (body, fields) = await RequestFields.ReadAsync<KeyRequest>(context.Request, nullMeansUnset: true, allowEmpty: true, cancellationToken)
            .ConfigureAwait(false);
        KeyValidation.Check(body, fields);
        if (body.Key is { } custom)
        {
            KeyValidation.RequireCustomKey(custom, "key", context.RequestServices.GetRequiredService<MasterKey>().Value);
        }

        if (body.SoftBudget is not null && body.BudgetId is not null)
        {
            throw ManagementErrors.BadRequest("Pass either soft_budget or budget_id, not both: soft_budget is kept in the key's own budget row.",
                "soft_budget");
        }

        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var team = body.TeamId is null || UiSessionKeys.IsSessionKeyRequest(caller, body.TeamId)
            ? await KeyLookup.TeamOfAsync(db, body.TeamId, cancellationToken).ConfigureAwait(false)
            : await KeyLookup.RequireTeamAsync(db, body.TeamId, cancellationToken).ConfigureAwait(false);
        var userId = body.UserId ?? DefaultOwner(caller, team);
        KeyAccess.RequireGenerate(caller, userId, team);
        if (userId is not null)
        {
            await KeyLookup.RequireUserAsync(db, userId, cancellationToken).ConfigureAwait(false);
        }

        if (body.OrganizationId is not null && team?.OrganizationId is { } teamOrganization && teamOrganization != body.OrganizationId)
        {
            throw ManagementErrors.BadRequest(
                $"organization_id={body.OrganizationId} conflicts with the organization of team={team.TeamId} ({teamOrganization}).",
                "organization_id");
        }

        var organizationId = body.OrganizationId ?? team?.OrganizationId;
        if (organizationId is not null)
        {
            await KeyLookup.RequireOrganizationAsync(db, organizationId, cancellationToken).ConfigureAwait(false);
        }

        var budget = body.BudgetId is null ? null : await KeyLookup.RequireBudgetAsync(db, body.BudgetId, cancellationToken).ConfigureAwait(false);
        if (team is not null)
        {
            KeyLookup.RequireWithinTeamModels(team, body.Models ?? [], context.RequestServices.GetRequiredService<ModelAccess>());
        }

        await KeyLookup.RequireUniqueAliasAsync(db, body.KeyAlias, null, cancellationToken).ConfigureAwait(false);
        var plaintext = body.Key ?? VirtualKeys.Generate();
        var token = VirtualKeys.Hash(plaintext);
        await KeyLookup.RequireNewTokenAsync(db, token, "key", cancellationToken).ConfigureAwait(false);

        var actor = ManagementActor.Of(caller);
        var row = new VerificationToken
        {
            Token = token,
            KeyName = VirtualKeys.DisplayName(plaintext),
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        KeyFieldWriter.Apply(row, body, fields, now);
        row.UserId = userId;
        row.OrganizationId = organizationId;
        row.Budget = budget;
        if (body.SoftBudget is not null)
        {
            KeyUpdater.SetSoftBudget(db, row, body.SoftBudget, actor ?? "", now);
        }

        db.VerificationTokens.Add(row);
        await ManagementSave.SaveAsync(db, "A key with this value or alias", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(KeyResponses.Generated(row, plaintext, body.Duration));
    }

    // An admin's key without user_id belongs to nobody (or to the team); anyone else's personal key is theirs, and a team
    // member's team key too (only a team admin makes keys that belong to the team alone).
    private static string? DefaultOwner(ApiKeyAuth caller, TeamTable? team) =>
        LiteLLMRoles.IsAdmin(caller.UserRole) ? null
        : team is not null && KeyAccess.IsTeamAdmin(team, caller.UserId) ? null
        : caller.UserId;
}
