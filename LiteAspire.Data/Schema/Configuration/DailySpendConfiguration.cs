using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

/// <summary>
/// The shape every Daily*Spend table shares. Its unique key holds nullable columns; on PostgreSQL it is
/// NULLS NOT DISTINCT, so a row with a NULL model is still unique and ON CONFLICT upserts stay idempotent.
/// (LiteLLM's own Prisma index keeps NULLs distinct.)
/// </summary>
internal abstract class DailySpendConfiguration<T>(SchemaDialect dialect, string table, string entityColumn, Expression<Func<T, string?>> entity)
    : IEntityTypeConfiguration<T>
    where T : DailySpendRow
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        DailyAggregateColumns.Configure(builder, table);

        var entityProperty = ((MemberExpression)entity.Body).Member.Name;
        var unique = builder.HasIndex(
                entityProperty, nameof(DailySpendRow.Date), nameof(DailySpendRow.ApiKey), nameof(DailySpendRow.Model),
                nameof(DailySpendRow.CustomLlmProvider), nameof(DailySpendRow.McpNamespacedToolName), nameof(DailySpendRow.Endpoint))
            .IsUnique()
            .HasDatabaseName(PrismaNames.Unique(
                table, entityColumn, "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint"));
        if (dialect.IsPostgreSql)
        {
            unique.AreNullsDistinct(false);
        }

        builder.HasIndex(x => x.Date).HasDatabaseName(PrismaNames.Index(table, "date"));
        // LiteAspire's own: the daily activity pages' order (newest day first, then id), so a page is read from the index in
        // order instead of sorting every row of the range.
        builder.HasIndex(x => new { x.Date, x.Id }).IsDescending(true, false).HasDatabaseName(PrismaNames.Index(table, "date", "id"));
        builder.HasIndex(entityProperty, nameof(DailySpendRow.Date)).HasDatabaseName(PrismaNames.Index(table, entityColumn, "date"));
        builder.HasIndex(x => x.ApiKey).HasDatabaseName(PrismaNames.Index(table, "api_key"));
        builder.HasIndex(x => x.Model).HasDatabaseName(PrismaNames.Index(table, "model"));
        builder.HasIndex(x => x.McpNamespacedToolName).HasDatabaseName(PrismaNames.Index(table, "mcp_namespaced_tool_name"));
        builder.HasIndex(x => x.Endpoint).HasDatabaseName(PrismaNames.Index(table, "endpoint"));
    }
}

internal sealed class DailyUserSpendConfiguration(SchemaDialect dialect)
    : DailySpendConfiguration<DailyUserSpend>(dialect, "LiteLLM_DailyUserSpend", "user_id", x => x.UserId);

internal sealed class DailyTeamSpendConfiguration(SchemaDialect dialect)
    : DailySpendConfiguration<DailyTeamSpend>(dialect, "LiteLLM_DailyTeamSpend", "team_id", x => x.TeamId);

internal sealed class DailyOrganizationSpendConfiguration(SchemaDialect dialect)
    : DailySpendConfiguration<DailyOrganizationSpend>(dialect, "LiteLLM_DailyOrganizationSpend", "organization_id", x => x.OrganizationId);

internal sealed class DailyEndUserSpendConfiguration(SchemaDialect dialect)
    : DailySpendConfiguration<DailyEndUserSpend>(dialect, "LiteLLM_DailyEndUserSpend", "end_user_id", x => x.EndUserId);

internal sealed class DailyTagSpendConfiguration(SchemaDialect dialect)
    : DailySpendConfiguration<DailyTagSpend>(dialect, "LiteLLM_DailyTagSpend", "tag", x => x.Tag);

/// <summary>
/// <c>LiteLLM_DailyGlobalSpend</c>: the per-user table summed over users and keys, one row per (date, model, model_group,
/// custom_llm_provider, mcp_namespaced_tool_name, endpoint), NULLS NOT DISTINCT on PostgreSQL as the other daily keys.
/// </summary>
internal sealed class DailyGlobalSpendConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<DailyGlobalSpend>
{
    private const string Table = "LiteLLM_DailyGlobalSpend";

    public void Configure(EntityTypeBuilder<DailyGlobalSpend> builder)
    {
        DailyAggregateColumns.Configure(builder, Table);
        var unique = builder.HasIndex(x => new { x.Date, x.Model, x.ModelGroup, x.CustomLlmProvider, x.McpNamespacedToolName, x.Endpoint })
            .IsUnique()
            .HasDatabaseName(PrismaNames.Unique(Table, "date", "model", "model_group", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint"));
        if (dialect.IsPostgreSql)
        {
            unique.AreNullsDistinct(false);
        }
    }
}

/// <summary>The table, key and sums every daily aggregate has.</summary>
internal static class DailyAggregateColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : DailyAggregateRow
    {
        builder.ToTable(table);
        builder.HasKey(x => x.Id).HasName(PrismaNames.PrimaryKey(table));

        builder.Property(x => x.PromptTokens).Defaults(0L);
        builder.Property(x => x.CompletionTokens).Defaults(0L);
        builder.Property(x => x.CacheReadInputTokens).Defaults(0L);
        builder.Property(x => x.CacheCreationInputTokens).Defaults(0L);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.Property(x => x.ApiRequests).Defaults(0L);
        builder.Property(x => x.SuccessfulRequests).Defaults(0L);
        builder.Property(x => x.FailedRequests).Defaults(0L);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
    }
}
