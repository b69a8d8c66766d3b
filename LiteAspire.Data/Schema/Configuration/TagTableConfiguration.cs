using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class TagTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<TagTable>
{
    private const string Table = "LiteLLM_TagTable";

    public void Configure(EntityTypeBuilder<TagTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.TagName).HasName(PrismaNames.PrimaryKey(Table));

        builder.PrimitiveCollection(x => x.Models).IsTextArray(dialect, emptyByDefault: false);
        builder.Property(x => x.ModelInfo).IsJson(dialect);
        builder.Property(x => x.Spend).Defaults(0.0);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();

        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));
    }
}
