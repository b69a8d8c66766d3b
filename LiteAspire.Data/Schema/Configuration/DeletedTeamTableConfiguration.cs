using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class DeletedTeamTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<DeletedTeamTable>
{
    private const string Table = "LiteLLM_DeletedTeamTable";

    public void Configure(EntityTypeBuilder<DeletedTeamTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Id).HasName(PrismaNames.PrimaryKey(Table));

        builder.PrimitiveCollection(x => x.Admins).IsTextArray(dialect, emptyByDefault: false);
        builder.PrimitiveCollection(x => x.Members).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.MembersWithRoles).IsJson(dialect, "{}");
        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Blocked).Defaults(false);
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.ModelMaxBudget).IsJson(dialect, "{}");
        builder.Property(x => x.RouterSettings).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.TeamMemberPermissions).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AccessGroupIds).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.Policies).IsTextArray(dialect);
        builder.Property(x => x.AllowTeamGuardrailConfig).Defaults(false);
        builder.Property(x => x.DeletedAt).DefaultsToNow();

        builder.HasIndex(x => x.TeamId).HasDatabaseName(PrismaNames.Index(Table, "team_id"));
        builder.HasIndex(x => x.DeletedAt).HasDatabaseName(PrismaNames.Index(Table, "deleted_at"));
        builder.HasIndex(x => x.OrganizationId).HasDatabaseName(PrismaNames.Index(Table, "organization_id"));
        builder.HasIndex(x => x.TeamAlias).HasDatabaseName(PrismaNames.Index(Table, "team_alias"));
        builder.HasIndex(x => x.CreatedAt).HasDatabaseName(PrismaNames.Index(Table, "created_at"));
    }
}
