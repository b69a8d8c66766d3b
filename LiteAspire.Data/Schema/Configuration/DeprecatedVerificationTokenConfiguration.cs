using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class DeprecatedVerificationTokenConfiguration : IEntityTypeConfiguration<DeprecatedVerificationToken>
{
    private const string Table = "LiteLLM_DeprecatedVerificationToken";

    public void Configure(EntityTypeBuilder<DeprecatedVerificationToken> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Id).HasName(PrismaNames.PrimaryKey(Table));
        builder.Property(x => x.CreatedAt).DefaultsToNow();

        builder.HasIndex(x => x.Token).IsUnique().HasDatabaseName(PrismaNames.Unique(Table, "token"));
        builder.HasIndex(x => new { x.Token, x.RevokeAt }).HasDatabaseName(PrismaNames.Index(Table, "token", "revoke_at"));
        builder.HasIndex(x => x.RevokeAt).HasDatabaseName(PrismaNames.Index(Table, "revoke_at"));
    }
}
