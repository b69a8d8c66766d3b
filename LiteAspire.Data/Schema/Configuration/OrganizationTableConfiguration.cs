using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class OrganizationTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<OrganizationTable>
{
    private const string Table = "LiteLLM_OrganizationTable";

    public void Configure(EntityTypeBuilder<OrganizationTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.OrganizationId).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.Metadata).IsJson(dialect, "{}");
        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.Property(x => x.ModelSpend).IsJson(dialect, "{}");
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();

        // The budget is required, so a budget in use by an organization cannot be deleted (Prisma: RESTRICT).
        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId).IsRequired()
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));
    }
}
