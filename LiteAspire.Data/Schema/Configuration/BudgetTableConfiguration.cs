using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class BudgetTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<BudgetTable>
{
    private const string Table = "LiteLLM_BudgetTable";

    public void Configure(EntityTypeBuilder<BudgetTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.BudgetId).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.ModelMaxBudget).IsJson(dialect);
        builder.PrimitiveCollection(x => x.AllowedModels).IsTextArray(dialect);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();
    }
}
