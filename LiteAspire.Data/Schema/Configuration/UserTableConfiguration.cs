using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class UserTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<UserTable>
{
    private const string Table = "LiteLLM_UserTable";

    public void Configure(EntityTypeBuilder<UserTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.UserId).HasName(PrismaNames.PrimaryKey(Table));

        builder.PrimitiveCollection(x => x.Teams).IsTextArray(dialect);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.AllowedCacheControls).IsTextArray(dialect);
        builder.PrimitiveCollection(x => x.Policies).IsTextArray(dialect);
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.ModelMaxBudget).IsJson(dialect, "{}");
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();

        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "organization_id"));

        builder.HasIndex(x => x.SsoUserId).IsUnique().HasDatabaseName(PrismaNames.Unique(Table, "sso_user_id"));
    }
}
