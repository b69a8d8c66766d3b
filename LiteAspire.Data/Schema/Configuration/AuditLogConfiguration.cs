using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class AuditLogConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<AuditLog>
{
    private const string Table = "LiteLLM_AuditLog";

    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Id).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.UpdatedAt).DefaultsToNow();
        builder.Property(x => x.ChangedBy).Defaults(string.Empty);
        builder.Property(x => x.ChangedByApiKey).Defaults(string.Empty);
        builder.Property(x => x.BeforeValue).IsJson(dialect);
        builder.Property(x => x.UpdatedValues).IsJson(dialect);
    }
}
