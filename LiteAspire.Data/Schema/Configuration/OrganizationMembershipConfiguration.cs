using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class OrganizationMembershipConfiguration : IEntityTypeConfiguration<OrganizationMembership>
{
    private const string Table = "LiteLLM_OrganizationMembership";

    public void Configure(EntityTypeBuilder<OrganizationMembership> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => new { x.UserId, x.OrganizationId }).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.Spend).Defaults<double?>(0.0);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();

        // Prisma's required relations: a user or organization with memberships cannot be deleted first.
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName(PrismaNames.ForeignKey(Table, "user_id"));
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName(PrismaNames.ForeignKey(Table, "organization_id"));
        builder.HasOne(x => x.Budget).WithMany().HasForeignKey(x => x.BudgetId)
            .OnDelete(DeleteBehavior.SetNull).HasConstraintName(PrismaNames.ForeignKey(Table, "budget_id"));

        // Prisma also declares @@unique on the key columns; kept so the schema matches LiteLLM's.
        builder.HasIndex(x => new { x.UserId, x.OrganizationId }).IsUnique()
            .HasDatabaseName(PrismaNames.Unique(Table, "user_id", "organization_id"));
    }
}
