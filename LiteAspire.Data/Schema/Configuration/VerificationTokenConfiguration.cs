using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class VerificationTokenConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<VerificationToken>
{
    private const string Table = "LiteLLM_VerificationToken";

    public void Configure(EntityTypeBuilder<VerificationToken> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Token).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.SoftBudgetCooldown).Defaults(false);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Aliases).IsJson(dialect, "{}");
        builder.Property(x => x.Config).IsJson(dialect, "{}");
        builder.Property(x => x.RouterSettings).IsJson(dialect, "{}");
        builder.Property(x => x.Permissions).IsJson(dialect, "{}");
        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.AllowedCacheControls).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AllowedRoutes).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.Policies).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AccessGroupIds).IsTextArray(dialect);
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.ModelMaxBudget).IsJson(dialect, "{}");
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();
        builder.Property(x => x.RotationCount).Defaults(0);
        builder.Property(x => x.AutoRotate).Defaults(false);
        builder.Property(x => x.BudgetLimits).IsJson(dialect);

        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "organization_id"));

        // LiteLLM's key lookups: by user (and team), by team, and the budget reset scan.
        builder.HasIndex(x => new { x.UserId, x.TeamId }).HasDatabaseName(PrismaNames.Index(Table, "user_id", "team_id"));
        builder.HasIndex(x => x.TeamId).HasDatabaseName(PrismaNames.Index(Table, "team_id"));
        builder.HasIndex(x => new { x.BudgetResetAt, x.Expires }).HasDatabaseName(PrismaNames.Index(Table, "budget_reset_at", "expires"));
    }
}
