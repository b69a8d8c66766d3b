using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class EndUserTableConfiguration : IEntityTypeConfiguration<EndUserTable>
{
    private const string Table = "LiteLLM_EndUserTable";

    public void Configure(EntityTypeBuilder<EndUserTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.UserId).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.Spend).Defaults(0.0);
        builder.Property(x => x.Blocked).Defaults(false);

        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));
    }
}
