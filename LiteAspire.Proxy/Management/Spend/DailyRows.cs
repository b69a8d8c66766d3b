using System.Linq.Expressions;

using LiteAspire.Data;
using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>A Daily*Spend row whatever its table, its entity column (user, team, ...) as <see cref="Entity"/>.</summary>
public sealed class DailyRow : DailyMetrics
{
    /// <summary>Row id (the page order's tie-breaker, as LiteLLM's).</summary>
    public required string Id { get; init; }

    /// <summary>The user, team, organization, customer or tag.</summary>
    public string? Entity { get; init; }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public required string Date { get; init; }

    /// <summary>Key hash.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Model.</summary>
    public string? Model { get; init; }

    /// <summary>Model group.</summary>
    public string? ModelGroup { get; init; }

    /// <summary>Provider.</summary>
    public string? Provider { get; init; }

    /// <summary>MCP tool.</summary>
    public string? Mcp { get; init; }

    /// <summary>Endpoint.</summary>
    public string? Endpoint { get; init; }
}

/// <summary>The five Daily*Spend tables and their key-free rollup as <see cref="DailyRow"/> queries.</summary>
public static class DailyRows
{
    /// <summary><c>LiteLLM_DailyUserSpend</c>.</summary>
    public static IQueryable<DailyRow> Users(LiteLLMDbContext db) => View(db.DailyUserSpend, r => r.UserId);

    /// <summary><c>LiteLLM_DailyTeamSpend</c>.</summary>
    public static IQueryable<DailyRow> Teams(LiteLLMDbContext db) => View(db.DailyTeamSpend, r => r.TeamId);

    /// <summary><c>LiteLLM_DailyOrganizationSpend</c>.</summary>
    public static IQueryable<DailyRow> Organizations(LiteLLMDbContext db) => View(db.DailyOrganizationSpend, r => r.OrganizationId);

    /// <summary><c>LiteLLM_DailyEndUserSpend</c>.</summary>
    public static IQueryable<DailyRow> EndUsers(LiteLLMDbContext db) => View(db.DailyEndUserSpend, r => r.EndUserId);

    /// <summary><c>LiteLLM_DailyTagSpend</c>.</summary>
    public static IQueryable<DailyRow> Tags(LiteLLMDbContext db) => View(db.DailyTagSpend, r => r.Tag);

    /// <summary><c>LiteLLM_DailyGlobalSpend</c>, the per-user table summed over users and keys (no entity, no key).</summary>
    public static IQueryable<DailyRow> Global(LiteLLMDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DailyGlobalSpend.Select(r => new DailyRow
        {
            Id = r.Id, Entity = null, Date = r.Date, ApiKey = "", Model = r.Model, ModelGroup = r.ModelGroup, Provider = r.CustomLlmProvider,
            Mcp = r.McpNamespacedToolName, Endpoint = r.Endpoint, Spend = r.Spend, PromptTokens = r.PromptTokens, CompletionTokens = r.CompletionTokens,
            CacheRead = r.CacheReadInputTokens, CacheCreation = r.CacheCreationInputTokens, ApiRequests = r.ApiRequests,
            Successful = r.SuccessfulRequests, Failed = r.FailedRequests,
        });
    }

    // One projection for every table, with the table's own entity column put in.
    private static IQueryable<DailyRow> View<T>(IQueryable<T> table, Expression<Func<T, string?>> entity)
        where T : DailySpendRow
    {
        Expression<Func<T, string?, DailyRow>> template = (r, e) => new DailyRow
        {
            Id = r.Id, Entity = e, Date = r.Date, ApiKey = r.ApiKey, Model = r.Model, ModelGroup = r.ModelGroup, Provider = r.CustomLlmProvider,
            Mcp = r.McpNamespacedToolName, Endpoint = r.Endpoint, Spend = r.Spend, PromptTokens = r.PromptTokens, CompletionTokens = r.CompletionTokens,
            CacheRead = r.CacheReadInputTokens, CacheCreation = r.CacheCreationInputTokens, ApiRequests = r.ApiRequests,
            Successful = r.SuccessfulRequests, Failed = r.FailedRequests,
        };
        return table.Select(Bind(template, entity));
    }

    /// <summary><paramref name="template"/> with its second parameter replaced by <paramref name="argument"/>'s body.</summary>
    internal static Expression<Func<TIn, TOut>> Bind<TIn, TArg, TOut>(Expression<Func<TIn, TArg, TOut>> template, Expression<Func<TIn, TArg>> argument)
    {
        var row = template.Parameters[0];
        var value = new Replace(argument.Parameters[0], row).Visit(argument.Body);
        return Expression.Lambda<Func<TIn, TOut>>(new Replace(template.Parameters[1], value).Visit(template.Body), row);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
