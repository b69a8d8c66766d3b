using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class DeletedVerificationTokenConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<DeletedVerificationToken>
{
    private const string Table = "LiteLLM_DeletedVerificationToken";

    public void Configure(EntityTypeBuilder<DeletedVerificationToken> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Id).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.SoftBudgetCooldown).Defaults(false);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Aliases).IsJson(dialect, "{}");
        builder.Property(x => x.Config).IsJson(dialect, "{}");
        builder.Property(x => x.Permissions).IsJson(dialect, "{}");
        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.AllowedCacheControls).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AllowedRoutes).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.Policies).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.AccessGroupIds).IsTextArray(dialect);
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.ModelMaxBudget).IsJson(dialect, "{}");
        builder.Property(x => x.RouterSettings).IsJson(dialect, "{}");
        builder.Property(x => x.RotationCount).Defaults(0);
        builder.Property(x => x.AutoRotate).Defaults(false);
        builder.Property(x => x.DeletedAt).DefaultsToNow();

        builder.HasIndex(x => x.Token).HasDatabaseName(PrismaNames.Index(Table, "token"));
        builder.HasIndex(x => x.DeletedAt).HasDatabaseName(PrismaNames.Index(Table, "deleted_at"));
        builder.HasIndex(x => x.UserId).HasDatabaseName(PrismaNames.Index(Table, "user_id"));
        builder.HasIndex(x => x.TeamId).HasDatabaseName(PrismaNames.Index(Table, "team_id"));
        builder.HasIndex(x => x.OrganizationId).HasDatabaseName(PrismaNames.Index(Table, "organization_id"));
        builder.HasIndex(x => x.KeyAlias).HasDatabaseName(PrismaNames.Index(Table, "key_alias"));
        builder.HasIndex(x => x.CreatedAt).HasDatabaseName(PrismaNames.Index(Table, "created_at"));
    }
}
