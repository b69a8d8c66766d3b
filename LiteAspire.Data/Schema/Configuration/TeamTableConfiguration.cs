using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class TeamTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<TeamTable>
{
    private const string Table = "LiteLLM_TeamTable";

    public void Configure(EntityTypeBuilder<TeamTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.TeamId).HasName(PrismaNames.PrimaryKey(Table));

        builder.PrimitiveCollection(x => x.Admins).IsTextArray(dialect, emptyByDefault: false);
        builder.PrimitiveCollection(x => x.Members).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.MembersWithRoles).IsJson(dialect, "{}");
        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Blocked).Defaults(false);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.ModelMaxBudget).IsJson(dialect, "{}");
        builder.Property(x => x.RouterSettings).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.TeamMemberPermissions).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AccessGroupIds).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.Policies).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.DefaultTeamMemberModels).IsTextArray(dialect);
        builder.Property(x => x.BudgetLimits).IsJson(dialect);
        builder.Property(x => x.AllowTeamGuardrailConfig).Defaults(false);

        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "organization_id"));

        builder.HasIndex(x => x.ModelId).IsUnique().HasDatabaseName(PrismaNames.Unique(Table, "model_id"));
        builder.HasIndex(x => x.OrganizationId).HasDatabaseName(PrismaNames.Index(Table, "organization_id"));
        builder.HasIndex(x => x.TeamAlias).HasDatabaseName(PrismaNames.Index(Table, "team_alias"));
        builder.HasIndex(x => x.CreatedAt).HasDatabaseName(PrismaNames.Index(Table, "created_at"));
    }
}
