using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>The filters of <c>/spend/logs</c> and <c>/spend/logs/ui</c>, applied in the database.</summary>
public sealed record SpendLogFilter
{
    /// <summary>Stored token (hash) of the key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The internal user (<c>user</c> column).</summary>
    public string? UserId { get; init; }

    /// <summary>The team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The model as logged.</summary>
    public string? Model { get; init; }

    /// <summary>One request.</summary>
    public string? RequestId { get; init; }

    /// <summary>The customer (<c>end_user</c> column).</summary>
    public string? EndUser { get; init; }

    /// <summary><c>success</c> (which also matches rows without a status, as LiteLLM's) or <c>failure</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Keys whose alias contains this text.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>Lowest spend.</summary>
    public double? MinSpend { get; init; }

    /// <summary>Highest spend.</summary>
    public double? MaxSpend { get; init; }

    /// <summary>First instant (inclusive).</summary>
    public DateTime? Start { get; init; }

    /// <summary>Last instant (inclusive).</summary>
    public DateTime? End { get; init; }

    /// <summary>The filters read from the query string, before access rules narrow them.</summary>
    public static SpendLogFilter From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (start, end) = SpendParameters.OptionalRange(request);
        return new SpendLogFilter
        {
            ApiKey = SpendParameters.ApiKey(request),
            UserId = Keys.ManagementQuery.Text(request, "user_id"),
            TeamId = Keys.ManagementQuery.Text(request, "team_id"),
            Model = Keys.ManagementQuery.Text(request, "model"),
            RequestId = Keys.ManagementQuery.Text(request, "request_id"),
            EndUser = Keys.ManagementQuery.Text(request, "end_user"),
            Status = Keys.ManagementQuery.Text(request, "status_filter"),
            KeyAlias = Keys.ManagementQuery.Text(request, "key_alias"),
            MinSpend = SpendParameters.Number(request, "min_spend"),
            MaxSpend = SpendParameters.Number(request, "max_spend"),
            Start = start,
            End = end,
        };
    }

    /// <summary>
    /// Narrows the filters to what <paramref name="caller"/> may read: an admin reads all; the admin of the team asked for
    /// reads that team's logs; anyone else only their own user's.
    /// </summary>
    public async Task<SpendLogFilter> VisibleToAsync(LiteLLMDbContext db, ApiKeyAuth caller, CancellationToken cancellationToken)
    {
        if (SpendAccess.ReadsAll(caller))
        {
            return this;
        }

        if (TeamId is { } teamId && await SpendAccess.AdministersTeamAsync(db, caller, teamId, cancellationToken).ConfigureAwait(false))
        {
            return this;
        }

        return this with { UserId = SpendAccess.OwnUserOnly(caller, UserId) };
    }

    /// <summary>The rows of <paramref name="db"/> matching every filter set.</summary>
    public IQueryable<SpendLogs> Apply(LiteLLMDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.SpendLogs.AsNoTracking();
        if (Start is { } start)
        {
            rows = rows.Where(r => r.StartTime >= start);
        }

        if (End is { } end)
        {
            rows = rows.Where(r => r.StartTime <= end);
        }

        if (ApiKey is { } key)
        {
            rows = rows.Where(r => r.ApiKey == key);
        }

        if (UserId is { } user)
        {
            rows = rows.Where(r => r.User == user);
        }

        if (TeamId is { } team)
        {
            rows = rows.Where(r => r.TeamId == team);
        }

        if (Model is { } model)
        {
            rows = rows.Where(r => r.Model == model);
        }

        if (RequestId is { } requestId)
        {
            rows = rows.Where(r => r.RequestId == requestId);
        }

        if (EndUser is { } endUser)
        {
            rows = rows.Where(r => r.EndUser == endUser);
        }

        if (Status is { } status)
        {
            rows = status == "success" ? rows.Where(r => r.Status == null || r.Status == "success") : rows.Where(r => r.Status == status);
        }

        if (KeyAlias is { } alias)
        {
            var tokens = db.VerificationTokens.Where(k => k.KeyAlias != null && k.KeyAlias.Contains(alias)).Select(k => k.Token);
            rows = rows.Where(r => tokens.Contains(r.ApiKey));
        }

        if (MinSpend is { } min)
        {
            rows = rows.Where(r => r.Spend >= min);
        }

        if (MaxSpend is { } max)
        {
            rows = rows.Where(r => r.Spend <= max);
        }

        return rows;
    }
}
