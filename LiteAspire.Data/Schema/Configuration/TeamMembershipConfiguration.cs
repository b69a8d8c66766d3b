using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    private const string Table = "LiteLLM_TeamMembership";

    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => new { x.UserId, x.TeamId }).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.Spend).Defaults(0.0);
        builder.Property(x => x.TotalSpend).Defaults(0.0);

        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));
    }
}
